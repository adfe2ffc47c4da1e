package dev.flux.shutdown.internal.state;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;

import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns a bean's fields into a JSON tree and reads such a tree back into an existing instance, always as the
 * declared bean class. The mapper is set up so that a checkpoint can never choose what gets instantiated: no
 * default typing, and class names as type ids are refused even where a class asks for them with
 * {@code @JsonTypeInfo}; only the declared field types (and subtypes they list by name) are ever created.
 * <p>
 * Fields of any visibility are used, getters and setters never; {@code static}, {@code transient} and
 * {@code @Inject} fields are skipped, as are fields marked with Jackson's {@code @JsonIgnore} (the application's own
 * Jackson, not the copy relocated into this jar). {@code java.time}
 * values are written as ISO-8601 text (zones kept), records through their canonical constructor. A property in the
 * checkpoint that the class does not have is an error: a checkpoint is applied whole or not at all.
 */
public final class StateCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .visibility(PropertyAccessor.GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.SETTER, Visibility.NONE)
            .annotationIntrospector(new StateIntrospector())
            .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().build())
            .enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * The state of {@code bean} as an instance of {@code type}: a JSON object of its fields, parsed the way a read
     * checkpoint is, so that its checksum is the same when read back.
     */
    public JsonNode capture(Object bean, Class<?> type) throws IOException {
        return JsonTrees.parse(mapper.writerFor(type).writeValueAsBytes(bean));
    }

    /**
     * Sets the fields of {@code target} from {@code state}, reading it as {@code type}. If this throws, some fields
     * may already be set: callers that need all-or-nothing keep a {@link #capture} to apply back.
     */
    public void apply(JsonNode state, Object target, Class<?> type) throws IOException {
        // read from the canonical bytes, not the tree, so untyped fields (Map<String, Object>) get Double, not BigDecimal
        mapper.readerFor(type).withValueToUpdate(target).readValue(JsonTrees.canonical(state));
    }

    /**
     * Jackson's own annotations, plus: a field the container injects is not state, and neither is a field that the
     * application marks with its own Jackson's {@code @JsonIgnore}. The jar carries a relocated copy of Jackson,
     * which does not see the application's (unrelocated) Jackson annotations: that one is recognised by name.
     */
    static final class StateIntrospector extends JacksonAnnotationIntrospector {

        /**
         * The name of {@code @JsonIgnore} as applications use it. Built at run time on purpose: the build relocates
         * Jackson and rewrites every string constant that names a Jackson class, which would turn a constant into
         * the relocated name that no application uses.
         */
        static final String APPLICATION_JSON_IGNORE = String.join(".", "com", "fasterxml", "jackson", "annotation",
                "JsonIgnore");

        private static final long serialVersionUID = 1L;

        @Override
        public boolean hasIgnoreMarker(AnnotatedMember member) {
            return member.hasAnnotation(Inject.class) || super.hasIgnoreMarker(member)
                    || ignoredByApplication(member.getAnnotated());
        }

        private static boolean ignoredByApplication(AnnotatedElement element) {
            if (element == null) {
                return false;
            }
            for (Annotation annotation : element.getDeclaredAnnotations()) {
                if (annotation.annotationType().getName().equals(APPLICATION_JSON_IGNORE)) {
                    return ignores(annotation);
                }
            }
            return false;
        }

        /** {@code @JsonIgnore(false)} takes an inherited ignore back: only its {@code value} says. */
        private static boolean ignores(Annotation jsonIgnore) {
            try {
                return !Boolean.FALSE.equals(jsonIgnore.annotationType().getMethod("value").invoke(jsonIgnore));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return true;
            }
        }
    }
}
