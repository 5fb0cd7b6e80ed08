using System.Reflection;
using Mono.Cecil;

namespace RolePlay.Architecture.Tests;

/// <summary>The dependency rule of docs/ARCHITECTURE.md, read from the built assemblies: Core knows no channel, storage or
/// host; a channel knows no other channel and no storage; Core's namespaces form no cycle.</summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] ChannelAssemblies = ["RolePlay.Teams", "RolePlay.Slack", "RolePlay.Studio"];

    /// <summary>What a channel may build on besides Core: the backbone and the card renderer are shared by design.</summary>
    private static readonly string[] SharedByChannels = ["RolePlay.Core", "RolePlay.Channels", "RolePlay.AdaptiveCards"];

    [Fact]
    public void Core_references_no_other_project_of_ours()
    {
        var ours = OurReferences("RolePlay.Core");

        Assert.Empty(ours);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void A_channel_references_only_Core_and_the_shared_channel_projects(string channel)
    {
        var forbidden = OurReferences(channel).Except(SharedByChannels).ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void The_backbone_references_no_channel_and_no_storage()
    {
        var forbidden = OurReferences("RolePlay.Channels").Except(["RolePlay.Core"]).ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Core_namespaces_form_no_cycle()
    {
        var graph = NamespaceGraph.Of(Path.Combine(AppContext.BaseDirectory, "RolePlay.Core.dll"), "RolePlay.Core");

        var cycle = graph.FindCycle();

        Assert.True(cycle is null, $"Core's namespaces depend on each other in a cycle: {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle_when_there_is_one()
    {
        var graph = new NamespaceGraph(new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        });

        Assert.Equal(["A", "B", "C", "A"], graph.FindCycle());
    }

    public static TheoryData<string> Channels() => new(ChannelAssemblies);

    private static List<string> OurReferences(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("RolePlay.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}

/// <summary>Which namespace of an assembly uses which other namespace of it, from every type reference in signatures,
/// attributes and method bodies.</summary>
public sealed class NamespaceGraph(IReadOnlyDictionary<string, HashSet<string>> uses)
{
    public static NamespaceGraph Of(string path, string prefix)
    {
        using var module = ModuleDefinition.ReadModule(path);
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes().Where(t => Owner(t).StartsWith(prefix, StringComparison.Ordinal)))
        {
            var from = Owner(type);
            var targets = uses.TryGetValue(from, out var set) ? set : uses[from] = [];
            foreach (var used in TypesUsedBy(type).Select(NamespaceOf).OfType<string>())
            {
                if (used != from && used.StartsWith(prefix, StringComparison.Ordinal))
                {
                    targets.Add(used);
                }
            }
        }

        return new NamespaceGraph(uses);
    }

    /// <summary>A cycle as the namespaces met along it (the first repeated at the end), or null.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in uses.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start, [], done) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private List<string>? Visit(string node, List<string> path, HashSet<string> done)
    {
        if (path.IndexOf(node) is var at and >= 0)
        {
            return [.. path[at..], node];
        }

        if (!done.Add(node))
        {
            return null;
        }

        path.Add(node);
        foreach (var next in uses.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
        {
            if (Visit(next, path, done) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        return null;
    }

    /// <summary>Nested and compiler-generated types belong to the namespace of the type that declares them.</summary>
    private static string Owner(TypeDefinition type) => type.DeclaringType is { } outer ? Owner(outer) : type.Namespace;

    private static string? NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private static IEnumerable<TypeReference> TypesUsedBy(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var reference in type.Interfaces.Select(i => i.InterfaceType)
                     .Concat(type.CustomAttributes.Select(a => a.AttributeType))
                     .Concat(type.Fields.Select(f => f.FieldType))
                     .Concat(type.Properties.Select(p => p.PropertyType))
                     .Concat(type.Events.Select(e => e.EventType)))
        {
            foreach (var part in Parts(reference))
            {
                yield return part;
            }
        }

        foreach (var method in type.Methods)
        {
            foreach (var part in MethodTypes(method).SelectMany(Parts))
            {
                yield return part;
            }
        }
    }

    private static IEnumerable<TypeReference> MethodTypes(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var operand in method.Body.Instructions.Select(i => i.Operand))
        {
            switch (operand)
            {
                case TypeReference typeOperand:
                    yield return typeOperand;
                    break;
                case MemberReference member:
                    yield return member.DeclaringType;
                    if (member is MethodReference called)
                    {
                        yield return called.ReturnType;
                        foreach (var parameter in called.Parameters)
                        {
                            yield return parameter.ParameterType;
                        }
                    }
                    else if (member is FieldReference field)
                    {
                        yield return field.FieldType;
                    }

                    break;
            }
        }
    }

    /// <summary>A generic instance, array or by-ref type uses each type it is made of.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var part in generic.GenericArguments.SelectMany(Parts))
                {
                    yield return part;
                }

                break;
            case TypeSpecification specification:
                foreach (var part in Parts(specification.ElementType))
                {
                    yield return part;
                }

                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
