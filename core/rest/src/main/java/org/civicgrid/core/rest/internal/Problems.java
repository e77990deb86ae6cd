package org.civicgrid.core.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.civicgrid.core.api.rest.ApiApplication;

/** Builds RFC 7807 problem responses. */
final class Problems {

    private Problems() {
    }

    static Response response(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        return Response.status(status).type(ApiApplication.PROBLEM_JSON).entity(body).build();
    }

    static Response response(int status, String title, String detail, String incident) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("incident", incident);
        return Response.status(status).type(ApiApplication.PROBLEM_JSON).entity(body).build();
    }
}
