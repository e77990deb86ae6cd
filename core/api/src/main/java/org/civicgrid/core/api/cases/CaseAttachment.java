package org.civicgrid.core.api.cases;

import java.time.OffsetDateTime;

/**
 * A file attached to a case (a photo of the spot, a signed form), as listed without its content.
 *
 * @param id its identifier
 * @param caseId the case it belongs to
 * @param fileName the name it was uploaded with
 * @param mediaType its type, as the platform recognised it from the content (not as the client claimed)
 * @param size its size in bytes
 * @param sha256 the SHA-256 of its content, hex
 * @param uploadedBy who attached it
 * @param uploadedAt when
 * @since 1.0
 */
public record CaseAttachment(String id, String caseId, String fileName, String mediaType, long size, String sha256,
                             String uploadedBy, OffsetDateTime uploadedAt) {
}
