using System.Text.Json;

namespace CapacityHub.Storage;

/// <summary>A collection's name and indexes, independent of the document type (what migrations need).</summary>
public abstract class CollectionSpec
{
    private protected CollectionSpec(string name, IReadOnlyList<IndexSpec> indexes)
    {
        FieldPath.RequireName(name, nameof(name));
        var duplicate = indexes.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Collection '{name}' declares index '{duplicate.Key}' twice.", nameof(indexes));
        }

        Name = name;
        Indexes = indexes;
    }

    public string Name { get; }

    public IReadOnlyList<IndexSpec> Indexes { get; }

    /// <summary>Declares a collection whose documents are serialised with <see cref="StoreJson.Options"/>.</summary>
    public static CollectionSpec<T> For<T>(string name, Func<T, string> idOf)
        where T : class => new(name, idOf, [], StoreJson.Options);

    public abstract JsonSerializerOptions Json { get; }

    /// <summary>Paths a query may filter or sort on: the id and every path of a declared index.</summary>
    public bool IsIndexed(string path) => path == FieldPath.Id || Indexes.Any(i => i.Paths.Contains(path));
}

/// <summary>
/// A collection of <typeparamref name="T"/> documents, declared once per service, e.g.
/// <c>CollectionSpec.For&lt;Training&gt;("trainings", t =&gt; t.Id).Index("byProgramme", "programmeId", "startsAtUnixMs")</c>.
/// Specs are immutable: Index/UniqueIndex return a new spec.
/// </summary>
public sealed class CollectionSpec<T> : CollectionSpec
    where T : class
{
    internal CollectionSpec(string name, Func<T, string> idOf, IReadOnlyList<IndexSpec> indexes, JsonSerializerOptions json)
        : base(name, indexes)
    {
        IdOf = idOf;
        Json = json;
    }

    /// <summary>Reads the document id from a value; the id must be non-empty.</summary>
    public Func<T, string> IdOf { get; }

    public override JsonSerializerOptions Json { get; }

    public CollectionSpec<T> Index(string name, params string[] paths) => With(new IndexSpec(name, false, paths));

    public CollectionSpec<T> UniqueIndex(string name, params string[] paths) => With(new IndexSpec(name, true, paths));

    public CollectionSpec<T> WithJson(JsonSerializerOptions json) => new(Name, IdOf, Indexes, json);

    internal string RequireId(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var id = IdOf(value);
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException($"A document for '{Name}' has no id.", nameof(value));
        }

        return id;
    }

    private CollectionSpec<T> With(IndexSpec index) => new(Name, IdOf, [.. Indexes, index], Json);
}
