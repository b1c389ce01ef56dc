namespace PcsAutomation.LocalAws.SecretsManager;

/// <summary>Secrets Manager's errors: all HTTP 400 except InternalServiceError.</summary>
public static class SecretsErrors
{
    public static AwsServiceException NotFound(string what = "Secrets Manager can't find the specified secret.") =>
        new("ResourceNotFoundException", what, 400);

    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameterException", message, 400);

    public static AwsServiceException InvalidRequest(string message) => new("InvalidRequestException", message, 400);

    public static AwsServiceException Exists(string message) => new("ResourceExistsException", message, 400);
}
