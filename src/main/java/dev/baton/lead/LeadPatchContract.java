package dev.baton.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * {@code LeadPatch}, the JSON merge patch of a lead, derived from the lead's own schemas so that it
 * cannot drift from them: nothing required, and {@code null} (removal) allowed where a value is
 * optional.
 */
public final class LeadPatchContract {

  private static final String SCHEMAS = "#/components/schemas/";

  private LeadPatchContract() {}

  public static void describe(Components components) {
    Map<String, Schema> schemas = components.getSchemas();
    Schema newLead = schemas.get("NewLead");
    Schema patch =
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .description(
                "A JSON merge patch (RFC 7396) of a lead: members left out are kept, `null` removes"
                    + " a value, objects are merged member by member (attributes too)."
                    + " Status, owner and score are changed by the funnel actions, not by PATCH.");
    for (String group : List.of("Contact", "Company", "Attribution", "Consent")) {
      Schema base = schemas.get(group);
      Schema partial =
          OASFactory.createSchema().addType(SchemaType.OBJECT).description(base.getDescription());
      for (Map.Entry<String, Schema> property : base.getProperties().entrySet()) {
        boolean required =
            base.getRequired() != null && base.getRequired().contains(property.getKey());
        partial.addProperty(
            property.getKey(), required ? property.getValue() : nullable(property.getValue()));
      }
      components.addSchema(group + "Patch", partial);
      String member = Character.toLowerCase(group.charAt(0)) + group.substring(1);
      Schema reference = OASFactory.createSchema().ref(SCHEMAS + group + "Patch");
      boolean removable = newLead.getRequired() == null || !newLead.getRequired().contains(member);
      patch.addProperty(member, removable ? nullable(reference) : reference);
    }
    patch.addProperty("segment", nullable(newLead.getProperties().get("segment")));
    patch.addProperty("attributes", nullable(newLead.getProperties().get("attributes")));
    patch.addProperty(
        MergePatch.REMOVE,
        OASFactory.createSchema()
            .addType(SchemaType.ARRAY)
            .maxItems(MergePatch.MAX_REMOVALS)
            .items(
                OASFactory.createSchema()
                    .addType(SchemaType.STRING)
                    .pattern(MergePatch.PATH.pattern())
                    .examples(new ArrayList<>(List.of("contact.phone"))))
            .description(
                "Paths whose values go, applied after the merge: the same as sending them as"
                    + " `null` (`segment`, `company`, `contact.phone`, `attributes.plan`), for"
                    + " JSON libraries that leave null members out (Gson, in the okhttp-gson"
                    + " Java client)."));
    components.addSchema("LeadPatch", patch);
  }

  /** The same schema, or null: a type list for plain values, oneOf for references. */
  private static Schema nullable(Schema schema) {
    Schema none = OASFactory.createSchema().addType(SchemaType.NULL);
    if (schema.getRef() != null || schema.getType() == null) {
      return OASFactory.createSchema().oneOf(new ArrayList<>(List.of(schema, none)));
    }
    Schema copy =
        OASFactory.createSchema()
            .type(new ArrayList<>(schema.getType()))
            .addType(SchemaType.NULL)
            .format(schema.getFormat())
            .description(schema.getDescription())
            .maxLength(schema.getMaxLength())
            .minLength(schema.getMinLength())
            .pattern(schema.getPattern())
            .maxProperties(schema.getMaxProperties())
            .additionalPropertiesSchema(schema.getAdditionalPropertiesSchema())
            .examples(schema.getExamples());
    return copy;
  }
}
