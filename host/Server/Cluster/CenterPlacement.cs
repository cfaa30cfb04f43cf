using System.Security.Cryptography;
using System.Text;
using Orleans;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace AgentPhone.ServerHost.Cluster;

/// <summary>
/// Where a center belongs: each center has a home among the active nodes, the node that scores
/// highest for it (rendezvous hashing of the center and the node's address). Every node computes
/// the same home from the same membership; a node that joins becomes home to about its share of
/// the centers and no other center moves, and a node that leaves gives its centers to the others
/// the same way. A node restarted at the same address gets the same centers back.
/// </summary>
[Serializable, GenerateSerializer, Immutable]
public sealed class CenterPlacement : PlacementStrategy
{
    public static CenterPlacement Instance { get; } = new();

    /// <summary>The home of <paramref name="center"/> among <paramref name="nodes"/> (none: null).</summary>
    public static SiloAddress? Home(GrainId center, IEnumerable<SiloAddress> nodes) =>
        Home(center.Key.ToString()!, nodes, node => node.Endpoint.ToString());

    /// <summary>The home of the center whose grain key is <paramref name="centerKey"/>
    /// (<see cref="CenterRouting.Key"/>), each node named by its silo endpoint (address:port).</summary>
    public static T? Home<T>(string centerKey, IEnumerable<T> nodes, Func<T, string> endpoint) =>
        nodes.MaxBy(node => Score(centerKey, endpoint(node)));

    // A hash that every node computes alike (a string's own hash code differs per process).
    private static ulong Score(string center, string node) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(center + "|" + node)));
}

/// <summary>Places a center grain at its home, or where a move asked for it.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class CenterPlacementAttribute() : PlacementAttribute(CenterPlacement.Instance);

/// <summary>Orleans' placement, for centers: the home among the nodes that can run one.</summary>
public sealed class CenterPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        SiloAddress[] nodes = context.GetCompatibleSilos(target);
        return Task.FromResult(IPlacementDirector.GetPlacementHint(target.RequestContextData, nodes)
            ?? CenterPlacement.Home(target.GrainIdentity, nodes)
            ?? throw new OrleansException("No node can run a center."));
    }
}
