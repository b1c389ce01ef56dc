using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>PCS's modelled errors with their HTTP statuses (Smithy model httpError traits) and members.</summary>
public static class PcsErrors
{
    public static AwsServiceException Validation(string message, string reason = "fieldValidationFailed") =>
        new("ValidationException", message, 400) { Members = new JsonObject { ["reason"] = reason } };

    public static AwsServiceException NotFound(string resourceType, string resourceId) =>
        new("ResourceNotFoundException", $"The {resourceType} {resourceId} doesn't exist.", 404)
        {
            Members = new JsonObject { ["resourceId"] = resourceId, ["resourceType"] = resourceType },
        };

    public static AwsServiceException Conflict(string message, string resourceType, string resourceId) =>
        new("ConflictException", message, 409)
        {
            Members = new JsonObject { ["resourceId"] = resourceId, ["resourceType"] = resourceType },
        };

    public static AwsServiceException Conflict(InvalidTransitionException transition) =>
        Conflict(transition.Message, transition.ResourceType, transition.ResourceId);

    public static AwsServiceException Quota(string message, string resourceType, string quotaCode) =>
        new("ServiceQuotaExceededException", message, 402)
        {
            Members = new JsonObject { ["serviceCode"] = "pcs", ["resourceType"] = resourceType, ["quotaCode"] = quotaCode },
        };
}
