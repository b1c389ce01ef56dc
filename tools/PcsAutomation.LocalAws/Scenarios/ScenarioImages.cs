using PcsAutomation.LocalAws.Ec2;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>
/// The checks a scenario's <c>images:</c> and <c>parameters:</c> pass, with EC2's and SSM's own limits: an AMI name of
/// 3-128 letters, digits, ( ) [ ] space . / - ' @ _ (EC2 CreateImage,
/// https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/EC2/MCreateImageRequestctorStringString.html), unique per
/// owner (ids derive from it); an architecture and a state from EC2's enums (ArchitectureType,
/// https://docs.aws.amazon.com/sdk-for-python/v4/reference/clients/ec2/enums/ArchitectureType/; ImageState,
/// https://docs.aws.amazon.com/sdk-for-python/v4/reference/clients/ec2/enums/ImageState/); owner self, amazon or a
/// 12-digit account id; a well-formed id; readable times; a parameter's <c>image:</c> naming an image of the scenario.
/// </summary>
internal static class ScenarioImages
{
    private static readonly string[] Architectures = ["i386", "x86_64", "arm64", "x86_64_mac", "arm64_mac"];
    private static readonly string[] States = ["pending", "available", "invalid", "deregistered", "transient", "failed", "error", "disabled"];

    public static void Check(ScenarioDefinition scenario, List<ScenarioProblem> problems)
    {
        for (var i = 0; i < scenario.Images.Count; i++)
            Image(scenario.Images, i, problems);
        for (var i = 0; i < scenario.Parameters.Count; i++)
        {
            var parameter = scenario.Parameters[i];
            if (parameter.Image is { } image && scenario.Images.All(d => d.Name != image))
                problems.Add(new ScenarioProblem($"parameters[{i}].image", $"parameter '{parameter.Name}'", $"no image named '{image}' in the scenario's images."));
        }
    }

    private static void Image(List<ImageDefinition> images, int index, List<ScenarioProblem> problems)
    {
        var image = images[index];
        var path = $"images[{index}]";
        var item = $"image '{image.Name}'";
        void Problem(string key, string message) => problems.Add(new ScenarioProblem($"{path}.{key}", item, message));

        if (image.Name.Length is < 3 or > 128 || image.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '(' or ')' or '[' or ']' or ' ' or '.' or '/' or '-' or '\'' or '@' or '_')))
            Problem("name", "an AMI name is 3-128 letters, digits, ( ) [ ] space . / - ' @ _.");
        if (images.Take(index).Any(d => d.Name == image.Name && d.Owner == image.Owner && d.Id is null && image.Id is null))
            Problem("name", "another image of the same owner has this name.");
        if (!Architectures.Contains(image.Architecture))
            Problem("architecture", $"'{image.Architecture}' is not one of {string.Join(", ", Architectures)}.");
        if (!States.Contains(image.State))
            Problem("state", $"'{image.State}' is not one of {string.Join(", ", States)}.");
        if (image.Owner is not ("self" or "amazon") && !(image.Owner.Length == 12 && image.Owner.All(char.IsAsciiDigit)))
            Problem("owner", $"'{image.Owner}' is not self, amazon or a 12-digit account id.");
        if (image.Id is { } id && !Ec2Ids.IsWellFormed(id, "ami"))
            Problem("id", $"'{id}' is not an AMI id (ami- and 8 or 17 lower-case hexadecimal characters).");
        Time("created", image.Created, Problem);
        if (image.Deprecated is { } deprecated)
            Time("deprecated", deprecated, Problem);
    }

    private static void Time(string key, string text, Action<string, string> problem)
    {
        try
        {
            _ = ScenarioTime.Resolve(text, DateTimeOffset.UnixEpoch);
        }
        catch (FormatException e)
        {
            problem(key, e.Message);
        }
    }
}
