package io.tradecredit.common.api;

import java.io.IOException;
import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * Checks an object's property names before a record (or any type built through its constructor) is
 * built. Jackson reads such an object whole, keeps the properties it does not know aside, calls the
 * constructor, and only then refuses the unknown ones: a constructor that refuses first (a required
 * part missing) hides them, so a misspelt {@code limit} for {@code limits} would be reported as
 * "limits missing", never as the unknown {@code limit}. Here the object is copied, its names
 * checked against the type's properties, and the copy read as before. Used only by
 * {@link StrictRequestBodies}.
 */
final class KnownFieldsFirst extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    /** Wraps the deserializers of types built through a constructor or factory taking properties. */
    static final class Modifier extends BeanDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            if (deserializer instanceof BeanDeserializerBase bean && bean.getValueInstantiator().canCreateFromObjectWith()
                    && !description.getBeanClass().isAnnotationPresent(JsonIgnoreProperties.class)) {
                return new KnownFieldsFirst(deserializer);
            }
            return deserializer;
        }
    }

    KnownFieldsFirst(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new KnownFieldsFirst(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!(_delegatee instanceof BeanDeserializerBase bean) || !p.isExpectedStartObjectToken()) {
            return _delegatee.deserialize(p, ctxt);
        }
        // the copy's paths start at its root: unreadable values in it are named by their place in the body
        String base = UnreadableFields.pathAt(p);
        TokenBuffer copy = ctxt.bufferAsCopyOfValue(p);
        Collection<Object> known = bean.getKnownPropertyNames();
        try (JsonParser names = copy.asParser(p)) {
            names.nextToken(); // the object's start
            while (names.nextToken() == JsonToken.FIELD_NAME) {
                String name = names.currentName();
                if (!known.contains(name)) {
                    throw UnrecognizedPropertyException.from(p, bean.handledType(), name, known);
                }
                names.nextToken();
                names.skipChildren();
            }
        }
        try (JsonParser replay = copy.asParserOnFirstToken()) {
            return UnreadableFields.readCopyAt(base, replay, () -> _delegatee.deserialize(replay, ctxt));
        }
    }
}
