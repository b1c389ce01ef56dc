namespace PcsAutomation.LocalAws.Ssm;

/// <summary>SSM's error codes (the <c>__type</c> of awsJson 1.1 errors), all HTTP 400.</summary>
internal static class SsmErrors
{
    public static AwsServiceException Error(string code, string message) => new(code, message, 400);

    public static AwsServiceException Validation(string message) => Error("ValidationException", message);

    public static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "...";
}
