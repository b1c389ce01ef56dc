namespace PcsAutomation.States.Tasks;

/// <summary>A Task's Resource ARN split the way history events report it (resourceType, resource, pattern).</summary>
public sealed record TaskResource(string Arn, string BaseArn, IntegrationPattern Pattern, string ResourceType, string ResourceName)
{
    private const string ServicePrefix = "arn:aws:states:::";

    /// <summary>Plain Lambda function ARNs use the legacy LambdaFunction* history events.</summary>
    public bool IsLambdaFunctionArn => Arn.StartsWith("arn:aws:lambda:", StringComparison.Ordinal);

    public static TaskResource Parse(string arn)
    {
        var (baseArn, pattern) = arn switch
        {
            _ when arn.EndsWith(".waitForTaskToken", StringComparison.Ordinal) =>
                (arn[..^".waitForTaskToken".Length], IntegrationPattern.WaitForTaskToken),
            _ when arn.EndsWith(".sync:2", StringComparison.Ordinal) => (arn[..^".sync:2".Length], IntegrationPattern.Sync),
            _ when arn.EndsWith(".sync", StringComparison.Ordinal) => (arn[..^".sync".Length], IntegrationPattern.Sync),
            _ => (arn, IntegrationPattern.RequestResponse),
        };
        if (!arn.StartsWith(ServicePrefix, StringComparison.Ordinal))
        {
            var type = arn.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) ? "lambda" : "activity";
            return new TaskResource(arn, baseArn, pattern, type, arn);
        }

        // arn:aws:states:::sns:publish → (sns, publish); arn:aws:states:::aws-sdk:ec2:describeImages → (aws-sdk:ec2, describeImages)
        var rest = baseArn[ServicePrefix.Length..];
        var suffix = arn[baseArn.Length..];
        var split = rest.LastIndexOf(':');
        return split < 0
            ? new TaskResource(arn, baseArn, pattern, rest, rest + suffix)
            : new TaskResource(arn, baseArn, pattern, rest[..split], rest[(split + 1)..] + suffix);
    }
}
