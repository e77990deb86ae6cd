package org.civicgrid.core.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.CallerPrincipal;
import org.civicgrid.core.api.grid.GridService;
import org.civicgrid.core.api.grid.ImportReport;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** The REST layer: who asks, which format a body is, and which status an import report gets. */
class GridResourceTest {

    private static final Caller CALLER = GridImportTest.DISTRICT_ADMIN;

    private final GridService grids = mock(GridService.class);
    private final GridResource resource = new GridResource(grids);
    private final SecurityContext signedIn = mock(SecurityContext.class);
    private final SecurityContext anonymous = mock(SecurityContext.class);

    GridResourceTest() {
        when(signedIn.getUserPrincipal()).thenReturn(new CallerPrincipal(CALLER));
    }

    @Test
    void anUnauthenticatedRequestIsA401BeforeAnythingElse() {
        assertThatThrownBy(() -> resource.grid("140502001001001", anonymous))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> resource.importGrids(body("x"), headers("text/csv"), anonymous))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
        verify(grids, never()).importCsv(any(), anyString());
    }

    @Test
    void theContentTypeChoosesTheFormat() {
        ImportReport applied = new ImportReport(true, 1, List.of());
        when(grids.importCsv(CALLER, "csv body")).thenReturn(applied);
        when(grids.importGeoJson(CALLER, "geojson body")).thenReturn(applied);

        assertThat(resource.importGrids(body("csv body"), headers("text/csv; charset=UTF-8"), signedIn).getStatus())
                .isEqualTo(200);
        assertThat(resource.importGrids(body("geojson body"), headers("application/geo+json"), signedIn).getStatus())
                .isEqualTo(200);
        assertThat(resource.importGrids(body("geojson body"), headers("application/json"), signedIn).getStatus())
                .isEqualTo(200);
    }

    @Test
    void aRefusedImportIs422WithItsReport() {
        ImportReport refused = new ImportReport(false, 3, List.of(new ImportReport.RowProblem(4, "x", "bad")));
        when(grids.importCsv(CALLER, "rows")).thenReturn(refused);

        Response response = resource.importGrids(body("rows"), headers("text/csv"), signedIn);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getEntity()).isSameAs(refused);
    }

    @Test
    void aGridOutsideTheCallersRegionIsA404LikeAMissingOne() {
        when(grids.find(CALLER, "140521100200001")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> resource.grid("140521100200001", signedIn))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void locateTakesAPointOrAnAddressAndChecksTheNumbers() {
        assertThatThrownBy(() -> resource.locate("112.85", "35.5", "凤台东街", signedIn))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> resource.locate(null, null, null, signedIn))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> resource.locate("east", "35.5", null, signedIn))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detail()).contains("lon"));
        assertThatThrownBy(() -> resource.locate("112.85", null, null, signedIn))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detail()).contains("lat"));
        when(grids.locate(CALLER, 112.85, 35.5)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> resource.locate("112.85", "35.5", null, signedIn))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void exportIsGeoJsonAndNeedsARegionCode() {
        when(grids.exportGeoJson(CALLER, "140502")).thenReturn("{\"type\":\"FeatureCollection\",\"features\":[]}");

        Response response = resource.export("140502", signedIn);

        assertThat(response.getMediaType().toString()).isEqualTo("application/geo+json");
        assertThat(new String((byte[]) response.getEntity(), StandardCharsets.UTF_8)).contains("FeatureCollection");
        assertThatThrownBy(() -> resource.export("14050", signedIn))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpHeaders headers(String contentType) {
        HttpHeaders headers = mock(HttpHeaders.class);
        when(headers.getMediaType()).thenReturn(MediaType.valueOf(contentType));
        return headers;
    }
}
