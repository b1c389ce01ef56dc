namespace PcsAutomation.LocalAws.Sns;

/// <summary>SNS's error codes as its query protocol names them (<c>&lt;Code&gt;</c>), with their HTTP status.</summary>
internal static class SnsErrors
{
    public static AwsServiceException NotFound(string message) => new("NotFound", message, 404);

    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameter", message, 400);

    public static AwsServiceException InvalidParameterValue(string message) => new("ParameterValueInvalid", message, 400);

    public static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "...";
}
