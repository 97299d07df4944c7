namespace Posyandu.Conversation.Forms;

/// <summary>All topics, loaded and validated from the catalog folder at start.</summary>
public sealed class FormCatalog
{
    /// <summary>The fields shared by every topic (alamat, rt_rw, lokasi, foto, catatan).</summary>
    public const string CommonFileName = "common.json";

    /// <summary>The JSON Schema documenting the file format; shipped beside the files, not a topic.</summary>
    public const string SchemaFileName = "schema.json";

    /// <summary>The folder under the application's base directory the catalog files are copied to.</summary>
    public const string DefaultFolderName = "forms";

    private readonly Dictionary<string, FormDefinition> _byTopic;

    /// <summary>A catalog of already built forms (tests, tools); <see cref="Load"/> is the normal way in.</summary>
    public FormCatalog(IEnumerable<FormDefinition> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        Forms = [.. forms
            .OrderBy(f => BidangIndex(f.Bidang))
            .ThenBy(f => f.Order)
            .ThenBy(f => f.Topic, StringComparer.Ordinal)];
        _byTopic = new Dictionary<string, FormDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var form in Forms)
        {
            if (!_byTopic.TryAdd(form.Topic, form))
            {
                throw new CatalogException($"{form.Topic}.json: topic '{form.Topic}' is defined twice");
            }
        }
    }

    /// <summary>Every topic, by bidang (in <see cref="Bidang.All"/> order), then by order and topic code.</summary>
    public IReadOnlyList<FormDefinition> Forms { get; }

    /// <summary>The topic with this code (case-insensitive), or null.</summary>
    public FormDefinition? Find(string topic) => _byTopic.GetValueOrDefault(topic);

    /// <summary>The topics of one bidang, in menu order; empty when it has none yet.</summary>
    public IReadOnlyList<FormDefinition> ForBidang(string code) =>
        [.. Forms.Where(f => string.Equals(f.Bidang, code, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The catalog shipped with the application, in <c>AppContext.BaseDirectory/forms</c>.</summary>
    public static FormCatalog LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, DefaultFolderName));

    /// <summary>
    /// Reads and validates every topic file in <paramref name="folder"/> (one <c>TOPIC.json</c> per topic, plus the optional
    /// <c>common.json</c>); the first problem throws a <see cref="CatalogException"/> naming the file and the field.
    /// </summary>
    public static FormCatalog Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new CatalogException($"{folder}: catalog folder not found");
        }

        var commonPath = Path.Combine(folder, CommonFileName);
        IReadOnlyList<FieldDefinition>? common = null;
        if (File.Exists(commonPath))
        {
            common = CatalogReader.ReadCommon(CommonFileName, CatalogReader.ReadObject(commonPath));
            CheckCommon(common);
        }

        var forms = new List<FormDefinition>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            if (file is CommonFileName or SchemaFileName)
            {
                continue;
            }

            var form = CatalogReader.ReadTopic(file, CatalogReader.ReadObject(path), common);
            CatalogValidator.Validate(file, form);
            forms.Add(form);
        }

        return forms.Count > 0 ? new FormCatalog(forms) : throw new CatalogException($"{folder}: no topic files (*.json) in the catalog folder");
    }

    // The common fields are validated as if they were a topic of their own, so their mistakes name common.json.
    private static void CheckCommon(IReadOnlyList<FieldDefinition> common) =>
        CatalogValidator.Validate(CommonFileName, new FormDefinition { Topic = "PR-COMMON", Bidang = "PR", Title = "common", Fields = common }, checkTopic: false);

    private static int BidangIndex(string code)
    {
        var index = Bidang.All.ToList().FindIndex(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
