namespace PcsAutomation.Aws.Runtime;

/// <summary>The services this application calls, by SDK service id and endpoint prefix (reference/README.md's protocol table).</summary>
public static class AwsServiceIds
{
    public const string Pcs = "PCS";
    public const string SecretsManager = "Secrets Manager";
    public const string StepFunctions = "SFN";
    public const string Ec2 = "EC2";
    public const string Ssm = "SSM";
    public const string DynamoDb = "DynamoDB";

    /// <summary>Every known service with its endpoint prefix (<c>https://&lt;prefix&gt;.&lt;region&gt;.amazonaws.com</c>).</summary>
    public static readonly IReadOnlyList<(string ServiceId, string EndpointPrefix)> Known =
    [
        (Pcs, "pcs"),
        (SecretsManager, "secretsmanager"),
        (StepFunctions, "states"),
        (Ec2, "ec2"),
        (Ssm, "ssm"),
        (DynamoDb, "dynamodb"),
    ];
}
