namespace PcsAutomation.Benchmarks.Rotation;

/// <summary>
/// On-demand list prices in US East (N. Virginia), free tiers ignored (a deployment shares them with everything else
/// in the account). Checked against the pages in <see cref="Sources"/> on 2026-11-26; AWS changes prices, so re-check.
/// </summary>
internal static class Prices
{
    /// <summary>Step Functions Standard: $0.025 per 1,000 state transitions (retries included).</summary>
    public const double StateTransition = 0.025 / 1_000;

    /// <summary>Lambda: $0.20 per 1M requests.</summary>
    public const double LambdaRequest = 0.20 / 1_000_000;

    /// <summary>Lambda x86_64 duration, first tier: $0.0000166667 per GB-second (billed per 1 ms).</summary>
    public const double LambdaGbSecond = 0.0000166667;

    /// <summary>SNS standard topic: $0.50 per 1M publish requests (deliveries to subscribers billed by protocol, not counted).</summary>
    public const double SnsPublish = 0.50 / 1_000_000;

    /// <summary>EventBridge: $1.00 per 1M custom events put (AWS service events, like Secrets Manager's, are free).</summary>
    public const double CustomEvent = 1.00 / 1_000_000;

    /// <summary>DynamoDB on-demand: $0.625 per 1M write request units (an item under 1 KB = 1 WRU).</summary>
    public const double DynamoWrite = 0.625 / 1_000_000;

    /// <summary>DynamoDB on-demand: $0.125 per 1M read request units (a strongly consistent read under 4 KB = 1 RRU).</summary>
    public const double DynamoRead = 0.125 / 1_000_000;

    /// <summary>Secrets Manager: $0.05 per 10,000 API calls (the $0.40 per secret-month is there with or without rotation).</summary>
    public const double SecretsManagerCall = 0.05 / 10_000;

    /// <summary>Each price, its page, and how it was checked (the official page's stored copy, or secondary sources only).</summary>
    public static readonly IReadOnlyList<(string Item, string Price, string Source, string Checked)> Sources =
    [
        ("Step Functions Standard state transition", "$0.025 per 1,000", "https://aws.amazon.com/step-functions/pricing/", "official page"),
        ("Lambda request", "$0.20 per 1M", "https://aws.amazon.com/lambda/pricing/", "official whitepaper (How AWS Pricing Works)"),
        ("Lambda duration, x86_64 (first tier)", "$0.0000166667 per GB-second", "https://aws.amazon.com/lambda/pricing/", "official whitepaper, secondary sources"),
        ("SNS publish (standard topic)", "$0.50 per 1M", "https://aws.amazon.com/sns/pricing/", "secondary sources (2026) *"),
        ("EventBridge custom event (PutEvents entry)", "$1.00 per 1M", "https://aws.amazon.com/eventbridge/pricing/", "secondary sources (2026) *"),
        ("DynamoDB on-demand write / read request unit", "$0.625 / $0.125 per 1M", "https://aws.amazon.com/dynamodb/pricing/on-demand/", "secondary sources (after the Nov 2024 cut) *"),
        ("Secrets Manager API call", "$0.05 per 10,000", "https://aws.amazon.com/secrets-manager/pricing/", "secondary sources *"),
        ("PCS, EC2 Describe*, SSM Run Command API calls", "no charge per call", "the services' pricing pages", "list prices as known *"),
    ];

    /// <summary><see cref="Sources"/> as a Markdown table (item, price, page, checked against), one line each, for the reports.</summary>
    public static string Table() =>
        "| item | price | page | checked against |\n| --- | --- | --- | --- |\n"
        + string.Concat(Sources.Select(s => $"| {s.Item} | {s.Price} | {s.Source} | {s.Checked} |\n"));
}
