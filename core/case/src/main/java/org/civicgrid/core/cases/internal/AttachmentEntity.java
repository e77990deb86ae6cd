package org.civicgrid.core.cases.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.civicgrid.core.api.cases.CaseAttachment;

/** A row of {@code cg_case_attachment}. Listings select its columns without the content. */
@Entity
@Table(name = "cg_case_attachment")
public class AttachmentEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "case_id", nullable = false, length = 36)
    private String caseId;
    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;
    @Column(name = "media_type", nullable = false, length = 64)
    private String mediaType;
    @Column(name = "size_bytes", nullable = false)
    private long size;
    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;
    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private LocalDateTime uploadedAt;
    @Lob
    @Column(name = "content", nullable = false)
    private byte[] content;

    protected AttachmentEntity() {
    }

    AttachmentEntity(CaseAttachment info, byte[] content) {
        this.id = info.id();
        this.caseId = info.caseId();
        this.fileName = info.fileName();
        this.mediaType = info.mediaType();
        this.size = info.size();
        this.sha256 = info.sha256();
        this.uploadedBy = info.uploadedBy();
        this.uploadedAt = info.uploadedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        this.content = content;
    }

    String caseId() {
        return caseId;
    }

    byte[] content() {
        return content;
    }

    /** The listing query's columns, in order. */
    static final String COLUMNS = "a.id, a.caseId, a.fileName, a.mediaType, a.size, a.sha256, a.uploadedBy, a.uploadedAt";

    static CaseAttachment fromColumns(Object[] row) {
        return new CaseAttachment((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).longValue(), (String) row[5], (String) row[6],
                ((LocalDateTime) row[7]).atOffset(ZoneOffset.UTC));
    }
}
