package dev.flux.shutdown.internal.drain;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.StatusType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * The smallest request/response exchange the filter pair can run against without an HTTP server: a property map,
 * a GET request, a 200 response with an entity and a writer context whose entity costs nothing to write. Only
 * what the filter uses is implemented, so the benchmark measures the filter, not a runtime.
 */
final class BenchExchange {

    static final Object ENTITY = "hello";

    final Map<String, Object> properties = new HashMap<>(8);
    final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    Response aborted;
    final ContainerRequestContext request = new StubRequest();
    final ContainerResponseContext response = new StubResponse();
    final WriterInterceptorContext writer = new StubWriter();

    /** Forgets the previous request's properties, as a new request would start without them. */
    void reset() {
        properties.clear();
        headers.clear();
    }

    private final class StubRequest implements ContainerRequestContext {

        @Override
        public Object getProperty(String name) {
            return properties.get(name);
        }

        @Override
        public Collection<String> getPropertyNames() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setProperty(String name, Object value) {
            properties.put(name, value);
        }

        @Override
        public void removeProperty(String name) {
            properties.remove(name);
        }

        @Override
        public UriInfo getUriInfo() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRequestUri(URI requestUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRequestUri(URI baseUri, URI requestUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request getRequest() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public void setMethod(String method) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultivaluedMap<String, String> getHeaders() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getHeaderString(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Date getDate() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Locale getLanguage() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getLength() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaType getMediaType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<MediaType> getAcceptableMediaTypes() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Locale> getAcceptableLanguages() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Cookie> getCookies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasEntity() {
            return false;
        }

        @Override
        public InputStream getEntityStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setEntityStream(InputStream input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SecurityContext getSecurityContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setSecurityContext(SecurityContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void abortWith(Response response) {
            aborted = response;
        }
    }

    private final class StubResponse implements ContainerResponseContext {

        @Override
        public int getStatus() {
            return 200;
        }

        @Override
        public void setStatus(int code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StatusType getStatusInfo() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setStatusInfo(StatusType statusInfo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultivaluedMap<String, Object> getHeaders() {
            return headers;
        }

        @Override
        public MultivaluedMap<String, String> getStringHeaders() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getHeaderString(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> getAllowedMethods() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Date getDate() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Locale getLanguage() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getLength() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaType getMediaType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, NewCookie> getCookies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EntityTag getEntityTag() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Date getLastModified() {
            throw new UnsupportedOperationException();
        }

        @Override
        public URI getLocation() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Link> getLinks() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasLink(String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Link getLink(String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Link.Builder getLinkBuilder(String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasEntity() {
            return true;
        }

        @Override
        public Object getEntity() {
            return ENTITY;
        }

        @Override
        public Class<?> getEntityClass() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Type getEntityType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setEntity(Object entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setEntity(Object entity, Annotation[] annotations, MediaType mediaType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Annotation[] getEntityAnnotations() {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutputStream getEntityStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setEntityStream(OutputStream outputStream) {
            throw new UnsupportedOperationException();
        }
    }

    private final class StubWriter implements WriterInterceptorContext {

        /** A runtime hands out the response's existing stream; a new one per call would bill the filter for it. */
        private final OutputStream out = OutputStream.nullOutputStream();

        @Override
        public void proceed() {
            // the entity's bytes would be written here
        }

        @Override
        public Object getEntity() {
            return ENTITY;
        }

        @Override
        public void setEntity(Object entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public void setOutputStream(OutputStream os) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultivaluedMap<String, Object> getHeaders() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getProperty(String name) {
            return properties.get(name);
        }

        @Override
        public Collection<String> getPropertyNames() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setProperty(String name, Object value) {
            properties.put(name, value);
        }

        @Override
        public void removeProperty(String name) {
            properties.remove(name);
        }

        @Override
        public Annotation[] getAnnotations() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setAnnotations(Annotation[] annotations) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Class<?> getType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setType(Class<?> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Type getGenericType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setGenericType(Type genericType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaType getMediaType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setMediaType(MediaType mediaType) {
            throw new UnsupportedOperationException();
        }
    }
}
