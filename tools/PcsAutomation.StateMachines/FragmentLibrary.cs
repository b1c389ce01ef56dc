namespace PcsAutomation.StateMachines;

/// <summary>The fragments a generation may reference, by name.</summary>
public sealed class FragmentLibrary
{
    private readonly Dictionary<string, Fragment> fragments;

    public FragmentLibrary(IEnumerable<Fragment> fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        this.fragments = new Dictionary<string, Fragment>(StringComparer.Ordinal);
        foreach (var fragment in fragments)
        {
            if (!this.fragments.TryAdd(fragment.Name, fragment))
                throw new FragmentException($"{fragment.Origin}: a second fragment named '{fragment.Name}'");
        }
    }

    /// <summary>Every fragment, by name.</summary>
    public IReadOnlyCollection<Fragment> All => fragments.Values;

    /// <summary>Reads every <c>*.json</c> of <paramref name="directory"/>; <paramref name="displayDirectory"/> is how messages name it.</summary>
    public static FragmentLibrary Load(string directory, string displayDirectory)
    {
        if (!Directory.Exists(directory))
            return new FragmentLibrary([]);
        return new FragmentLibrary(Directory.GetFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => FragmentFile.Parse(
                Path.GetFileNameWithoutExtension(path),
                File.ReadAllText(path),
                $"{displayDirectory}/{Path.GetFileName(path)}")));
    }

    /// <summary>The fragment <paramref name="name"/>; an unknown name is an error naming <paramref name="where"/> and the known ones.</summary>
    public Fragment Get(string name, string where) =>
        fragments.TryGetValue(name, out var fragment)
            ? fragment
            : throw new FragmentException(
                $"{where}: no fragment '{name}' (known: {(fragments.Count == 0 ? "none" : string.Join(", ", fragments.Keys.Order(StringComparer.Ordinal)))})");
}
