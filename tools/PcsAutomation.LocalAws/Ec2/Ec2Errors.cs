namespace PcsAutomation.LocalAws.Ec2;

/// <summary>EC2's error codes (the <c>&lt;Code&gt;</c> of its XML errors); client errors are HTTP 400.</summary>
internal static class Ec2Errors
{
    public static AwsServiceException Error(string code, string message) => new(code, message, 400);

    public static AwsServiceException MissingParameter(string name) =>
        Error("MissingParameter", $"The request must contain the parameter {name}");

    public static AwsServiceException InvalidParameterValue(string message) => Error("InvalidParameterValue", message);

    public static AwsServiceException InvalidParameterCombination(string message) => Error("InvalidParameterCombination", message);

    public static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "...";
}
