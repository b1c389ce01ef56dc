using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// A scenario's AMI (YAML <c>images:</c>), e.g. the team's own PCS-ready image. <c>owner</c> is "self" (the account),
/// "amazon" (published by AWS) or an account id; times are relative ("-3d") or absolute; <c>broken: true</c> makes the
/// nodes launched from it fail to register (<see cref="World.AwsWorld.BrokenImages"/>).
/// </summary>
public sealed class ImageDefinition
{
    public string Name { get; set; } = "";
    public string? Id { get; set; }
    public string? Description { get; set; }
    public string Architecture { get; set; } = "x86_64";
    public string Owner { get; set; } = "self";
    public string Created { get; set; } = "-1d";
    public string? Deprecated { get; set; }
    public string State { get; set; } = "available";
    public bool Public { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Instances launched from this AMI never register with PCS and shut down after 600 s (guide L11090-11107).</summary>
    public bool Broken { get; set; }

    public Ec2Image ToImage(AwsWorld world, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new Ec2Image
        {
            ImageId = Id ?? ImageCatalogue.IdFor($"{world.AccountId}/{Name}"),
            Name = Name,
            Description = Description,
            Architecture = Architecture,
            OwnerId = Owner switch
            {
                "self" => world.AccountId,
                "amazon" => ImageCatalogue.PcsSampleOwnerId,
                _ => Owner,
            },
            OwnerAlias = Owner == "amazon" ? "amazon" : null,
            CreationDate = ScenarioTime.Resolve(Created, start),
            DeprecationTime = Deprecated is null ? null : ScenarioTime.Resolve(Deprecated, start),
            State = State,
            Public = Public || Owner == "amazon",
            Tags = new Dictionary<string, string>(Tags, StringComparer.Ordinal),
        };
    }
}
