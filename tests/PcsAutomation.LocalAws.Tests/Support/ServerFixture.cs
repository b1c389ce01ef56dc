using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Support;

/// <summary>One emulator server per test class (xunit class fixture), started with a small demo account.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public LocalAws Aws { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Aws = await LocalAws.StartAsync(new LocalAwsOptions
        {
            Scenario = Scenario.Cluster("http-demo").WithNodeGroup("compute-1", 0, 4).WithQueue("demo", "compute-1").Build(),
        });

    public async Task DisposeAsync() => await Aws.DisposeAsync();
}
