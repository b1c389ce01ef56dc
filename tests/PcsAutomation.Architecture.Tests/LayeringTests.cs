using System.Reflection;
using NetArchTest.Rules;

namespace PcsAutomation.Architecture.Tests;

/// <summary>
/// The layering (<see cref="Layers"/>) on compiled code: no type of a layer uses a namespace its layer may not
/// (NetArchTest.Rules reads every type's signatures and method bodies), and no assembly's metadata references an
/// assembly of ours outside its layer (what the compiler kept: the references some type really uses).
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Layer → the namespaces its types may not use.</summary>
    public static TheoryData<string, string[]> Forbidden => new()
    {
        // pure decisions, no I/O (design.md §2, conventions 5)
        { Layers.Domain, [Layers.Aws, Layers.Lambda, Layers.Slurm, Layers.Functions, .. Layers.Tools, "Amazon", "System.IO", "System.Net"] },
        { Layers.Lambda, [Layers.Domain, Layers.Aws, Layers.Slurm, Layers.Functions, .. Layers.Tools] },
        { Layers.Aws, [Layers.Domain, Layers.Lambda, Layers.Slurm, Layers.Functions, .. Layers.Tools] },
        // the Slurm REST client: BCL only, it knows no AWS type (PCS facts and secret values come in as plain values)
        { Layers.Slurm, [Layers.Domain, Layers.Aws, Layers.Lambda, Layers.Functions, .. Layers.Tools, "Amazon"] },
        { Layers.Functions, Layers.Tools },
        // the ASL engine reads time and randomness from its inputs and does no I/O (conventions 5)
        { Layers.States, [.. Layers.Product, Layers.Testing, Layers.LocalAws, Layers.ProductHost, Layers.Cli, "System.IO", "System.Net"] },
        { Layers.Testing, [.. Layers.Product, Layers.States, Layers.LocalAws, Layers.ProductHost, Layers.Cli] },
        // the emulator knows nothing of the product (design.md §3)
        { Layers.LocalAws, [.. Layers.Product, Layers.ProductHost, Layers.Cli] },
        { Layers.ProductHost, [Layers.Cli] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Types_OfEachLayer_UseNoForbiddenNamespace(string layer, string[] forbidden)
    {
        var types = Types.InAssembly(Load(Layers.AssemblyOf(layer)));

        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.NotEmpty(types.GetTypes()); // non-vacuity: the assembly has types to check
        Assert.True(result.IsSuccessful, $"{layer} types using {string.Join(", ", forbidden)}:\n" + string.Join('\n', result.FailingTypeNames ?? []));
    }

    [Fact]
    public void AssemblyReferences_OfEveryLayer_StayInsideIt()
    {
        var offences = Layers.Assemblies
            .SelectMany(pair => Load(pair.Key).GetReferencedAssemblies()
                .Select(reference => reference.Name!)
                .Where(name => Layers.Assemblies.TryGetValue(name, out var layer) && !Layers.MayReach[pair.Value].Contains(layer))
                .Select(name => $"{pair.Key} references {name}"))
            .ToList();

        Assert.Contains(Load(Layers.AssemblyOf(Layers.Cli)).GetReferencedAssemblies(), r => r.Name == Layers.ProductHost); // non-vacuity
        Assert.True(offences.Count == 0, string.Join('\n', offences));
    }

    [Fact]
    public void Rule_TypeUsingTheProduct_Fails()
    {
        // The rule on an assembly that does use the product (ProductHost runs Functions): it must fail, naming the type.
        var result = Types.InAssembly(Load(Layers.AssemblyOf(Layers.ProductHost))).ShouldNot().HaveDependencyOnAny(Layers.Functions).GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains("PcsAutomation.ProductHost.InProcessRuntime", result.FailingTypeNames);
    }

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));
}
