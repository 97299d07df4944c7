using System.Text.Json;
using System.Text.Json.Nodes;

namespace Posyandu.Conversation.Forms;

/// <summary>
/// Reads catalog files (see Catalog/schema.json) into form definitions, checking shapes and JSON types; every problem
/// becomes a one-line <see cref="CatalogException"/> naming the file and the field. Meaning is checked by <see cref="CatalogValidator"/>.
/// </summary>
internal static class CatalogReader
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    // Hand-edited by district staff: comments and trailing commas are forgiven, everything else is not.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.Ordinal)
    {
        ["text"] = FieldType.Text,
        ["integer"] = FieldType.Integer,
        ["decimal"] = FieldType.Decimal,
        ["yesno"] = FieldType.YesNo,
        ["choice"] = FieldType.Choice,
        ["multi"] = FieldType.Multi,
        ["date"] = FieldType.Date,
        ["phone"] = FieldType.Phone,
        ["nik"] = FieldType.Nik,
        ["rt_rw"] = FieldType.RtRw,
        ["photo"] = FieldType.Photo,
        ["location"] = FieldType.Location,
    };

    private static readonly Dictionary<string, Urgency> Levels = new(StringComparer.Ordinal)
    {
        ["biasa"] = Urgency.Biasa,
        ["segera"] = Urgency.Segera,
        ["darurat"] = Urgency.Darurat,
    };

    private static readonly string[] FieldProperties =
        ["name", "type", "label", "question", "help", "example", "optional", "min", "max", "unit", "options", "showIf", "allowFuture", "maxMonthsAgo"];

    private static readonly string[] TopicProperties =
        ["$schema", "description", "topic", "bidang", "title", "confidential", "order", "fields", "common", "derived", "flags", "urgency", "notice", "hideReporterIf"];

    public static JsonObject ReadObject(string path)
    {
        var file = Path.GetFileName(path);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path), NodeOptions, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{file}: invalid JSON at line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}");
        }
        catch (IOException e)
        {
            throw new CatalogException($"{file}: cannot be read: {FirstSentence(e.Message)}");
        }

        return node as JsonObject ?? throw new CatalogException($"{file}: must hold one JSON object");
    }

    /// <summary>Reads <c>common.json</c>: the fields every topic asks unless it says otherwise.</summary>
    public static IReadOnlyList<FieldDefinition> ReadCommon(string file, JsonObject root)
    {
        var props = new Props(file, "", root);
        props.OnlyKnown(["$schema", "description", "fields"]);
        var fields = props.Array("fields", required: true)!;
        return [.. fields.Select((node, i) => ReadField(file, node, i, baseField: null))];
    }

    public static FormDefinition ReadTopic(string file, JsonObject root, IReadOnlyList<FieldDefinition>? common)
    {
        var props = new Props(file, "", root);
        props.OnlyKnown(TopicProperties);
        var topic = props.String("topic", required: true)!;
        var fields = new List<FieldDefinition>();
        var items = props.Array("fields", required: true)!;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item && item.ContainsKey("use"))
            {
                var name = new Props(file, $"fields[{i}]: ", item).String("use", required: true)!;
                var baseField = common?.FirstOrDefault(f => f.Name == name)
                    ?? throw new CatalogException($"{file}: field '{name}': 'use' names no field of {FormCatalog.CommonFileName}");
                fields.Add(ReadField(file, item, i, baseField));
            }
            else
            {
                fields.Add(ReadField(file, items[i], i, baseField: null));
            }
        }

        var placed = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var commonNames = props.Array("common") is { } listed
            ? listed.Select((n, i) => StringItem(file, "common", n, i)).ToList()
            : common?.Select(f => f.Name).Where(n => !placed.Contains(n)).ToList() ?? [];
        foreach (var name in commonNames)
        {
            fields.Add(common?.FirstOrDefault(f => f.Name == name)
                ?? throw new CatalogException($"{file}: common: '{name}' is not a field of {FormCatalog.CommonFileName}"));
        }

        return new FormDefinition
        {
            Topic = topic,
            Bidang = props.String("bidang", required: true)!,
            Title = props.String("title", required: true)!,
            Confidential = props.Bool("confidential") ?? false,
            Order = props.Int("order") ?? 0,
            Fields = fields,
            Derived = ReadList(file, props.Array("derived"), ReadDerived),
            Flags = ReadList(file, props.Array("flags"), ReadFlag),
            UrgencyRules = ReadList(file, props.Array("urgency"), ReadUrgency),
            Notice = props.String("notice"),
            HideReporterIf = props.String("hideReporterIf"),
        };
    }

    private static FieldDefinition ReadField(string file, JsonNode? node, int index, FieldDefinition? baseField)
    {
        if (node is not JsonObject obj)
        {
            throw new CatalogException($"{file}: fields[{index}]: must be an object");
        }

        var name = baseField?.Name ?? new Props(file, $"fields[{index}]: ", obj).String("name", required: true)!;
        var props = new Props(file, $"field '{name}': ", obj);
        if (baseField is null)
        {
            props.OnlyKnown(FieldProperties);
        }
        else
        {
            // A common field placed with "use" may adjust its wording and limits, but stays the same field.
            props.OnlyKnown(["use", .. FieldProperties.Where(p => p is not "name" and not "type")]);
        }

        var field = baseField ?? new FieldDefinition
        {
            Name = name,
            Type = ReadType(props),
            Label = props.String("label", required: true)!,
            Question = props.String("question", required: true)!,
        };

        return field with
        {
            Label = props.String("label") ?? field.Label,
            Question = props.String("question") ?? field.Question,
            Help = props.String("help") ?? field.Help,
            Example = props.String("example") ?? field.Example,
            Optional = props.Bool("optional") ?? field.Optional,
            Min = props.Decimal("min") ?? field.Min,
            Max = props.Decimal("max") ?? field.Max,
            Unit = props.String("unit") ?? field.Unit,
            Options = props.Array("options") is { } options ? [.. options.Select((o, i) => ReadOption(props, o, i))] : field.Options,
            ShowIf = props.String("showIf") ?? field.ShowIf,
            AllowFuture = props.Bool("allowFuture") ?? field.AllowFuture,
            MaxMonthsAgo = props.Int("maxMonthsAgo") ?? field.MaxMonthsAgo,
        };
    }

    private static FieldType ReadType(Props props)
    {
        var type = props.String("type", required: true)!;
        return Types.TryGetValue(type, out var fieldType)
            ? fieldType
            : throw props.Error($"unknown type '{type}' (expected one of {string.Join(", ", Types.Keys)})");
    }

    private static ChoiceOption ReadOption(Props field, JsonNode? node, int index)
    {
        if (node is not JsonObject obj)
        {
            throw field.Error($"options[{index}] must be an object with value and label");
        }

        var props = field.Nested($"options[{index}]: ", obj);
        props.OnlyKnown(["value", "label", "aliases"]);
        var aliases = props.Array("aliases") is { } list
            ? list.Select((n, i) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw props.Error($"aliases[{i}] must be a string")).ToList()
            : [];
        return new ChoiceOption(props.String("value", required: true)!, props.String("label", required: true)!) { Aliases = aliases };
    }

    private static DerivedDefinition ReadDerived(string file, JsonObject obj, int index)
    {
        var name = new Props(file, $"derived[{index}]: ", obj).String("name", required: true)!;
        var props = new Props(file, $"derived '{name}': ", obj);
        props.OnlyKnown(["name", "label", "expression", "format", "decimals", "values", "hidden"]);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (props.Object("values") is { } map)
        {
            foreach (var (key, value) in map)
            {
                values[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw props.Error($"values.{key} must be a string");
            }
        }

        return new DerivedDefinition(name, props.String("label", required: true)!, props.String("expression", required: true)!)
        {
            Format = props.String("format"),
            Decimals = props.Int("decimals") ?? 1,
            Values = values,
            Hidden = props.Bool("hidden") ?? false,
        };
    }

    private static FlagRule ReadFlag(string file, JsonObject obj, int index)
    {
        var code = new Props(file, $"flags[{index}]: ", obj).String("code", required: true)!;
        var props = new Props(file, $"flag '{code}': ", obj);
        props.OnlyKnown(["code", "when", "label"]);
        return new FlagRule(code, props.String("when", required: true)!, props.String("label", required: true)!);
    }

    private static UrgencyRule ReadUrgency(string file, JsonObject obj, int index)
    {
        var props = new Props(file, $"urgency[{index}]: ", obj);
        props.OnlyKnown(["level", "when"]);
        var level = props.String("level", required: true)!;
        return Levels.TryGetValue(level, out var urgency)
            ? new UrgencyRule(urgency, props.String("when", required: true)!)
            : throw props.Error($"unknown level '{level}' (expected biasa, segera or darurat)");
    }

    private static List<T> ReadList<T>(string file, JsonArray? array, Func<string, JsonObject, int, T> read)
    {
        var items = new List<T>();
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            items.Add(array[i] is JsonObject obj ? read(file, obj, i) : throw new CatalogException($"{file}: item {i + 1} of a rule list must be an object"));
        }

        return items;
    }

    private static string StringItem(string file, string list, JsonNode? node, int index) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new CatalogException($"{file}: {list}[{index}] must be a string");

    private static string FirstSentence(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? line[..end] : line.TrimEnd('.');
    }

    /// <summary>Typed access to one JSON object's properties, with errors that say where.</summary>
    private sealed class Props(string file, string where, JsonObject obj)
    {
        public CatalogException Error(string problem) => new($"{file}: {where}{problem}");

        public Props Nested(string more, JsonObject inner) => new(file, where + more, inner);

        public void OnlyKnown(IReadOnlyCollection<string> known)
        {
            var unknown = obj.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k));
            if (unknown is not null)
            {
                throw Error($"unknown property '{unknown}'");
            }
        }

        public string? String(string name, bool required = false) => Get(name, required) switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) && (!required || !string.IsNullOrWhiteSpace(s)) => s,
            _ => throw Error($"'{name}' must be {(required ? "a non-empty" : "a")} string"),
        };

        public bool? Bool(string name) => Get(name, false) switch
        {
            null => null,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw Error($"'{name}' must be true or false"),
        };

        public decimal? Decimal(string name) => Get(name, false) switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d) => d,
            _ => throw Error($"'{name}' must be a number"),
        };

        public int? Int(string name) => Get(name, false) switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
            _ => throw Error($"'{name}' must be a whole number"),
        };

        public JsonArray? Array(string name, bool required = false) => Get(name, required) switch
        {
            null => null,
            JsonArray a => a,
            _ => throw Error($"'{name}' must be a list"),
        };

        public JsonObject? Object(string name) => Get(name, false) switch
        {
            null => null,
            JsonObject o => o,
            _ => throw Error($"'{name}' must be an object"),
        };

        private JsonNode? Get(string name, bool required)
        {
            var node = obj.TryGetPropertyValue(name, out var value) ? value : null;
            return node is null && required ? throw Error($"'{name}' is missing") : node;
        }
    }
}
