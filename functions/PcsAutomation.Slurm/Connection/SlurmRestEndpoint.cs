using System.Globalization;
using System.Net;

namespace PcsAutomation.Slurm.Connection;

/// <summary>
/// A cluster's slurmrestd: the <c>SLURMRESTD</c> entry of GetCluster's <c>endpoints[]</c> (guide L6827-6846,
/// ../shared/reference/botocore/pcs.service-2.json <c>Endpoint{type, privateIpAddress, port}</c>), reached over plain HTTP
/// inside the cluster's VPC (guide L6846, L6976-6977, L7066-7068; L6797 writes https, but L6976 and L7066-7068 say plain
/// HTTP, and the curl examples of L6897-6898 use http).
/// </summary>
public sealed record SlurmRestEndpoint
{
    public SlurmRestEndpoint(string clusterId, string clusterName, string address, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (!IPAddress.TryParse(address, out var ip))
            throw new ArgumentException($"The SLURMRESTD endpoint of cluster {clusterName} ({clusterId}) has address '{address}', not an IP address.", nameof(address));
        if (port is < 1 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(port), port, $"The SLURMRESTD endpoint of cluster {clusterName} ({clusterId}) has port {port}, not 1 to 65535.");
        ClusterId = clusterId;
        ClusterName = clusterName;
        Address = ip.ToString();
        Port = port;
        var host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address;
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}/"));
    }

    public string ClusterId { get; }

    public string ClusterName { get; }

    /// <summary>The controller's private IP address.</summary>
    public string Address { get; }

    /// <summary>The port, 6820 on PCS (guide L6709, L6841).</summary>
    public int Port { get; }

    /// <summary><c>http://&lt;privateIpAddress&gt;:&lt;port&gt;/</c> (guide L6846).</summary>
    public Uri BaseAddress { get; }

    /// <summary>"cluster demo (pcs_abc) at 10.0.1.23:6820".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"cluster {ClusterName} ({ClusterId}) at {BaseAddress.Authority}");
}
