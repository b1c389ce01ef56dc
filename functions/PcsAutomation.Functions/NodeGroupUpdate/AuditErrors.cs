using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.NodeGroupUpdate;

// Error names are what Lambda reports as errorType (see WorkflowError).
#pragma warning disable CA1710 // the type name is the error's name

/// <summary>A CloudTrail event the audit must read but cannot: the message names the member that is missing or of the wrong type. Nothing was changed.</summary>
public sealed class InvalidCloudTrailEvent : WorkflowError
{
    public InvalidCloudTrailEvent(string message) : base(message) { }

    public InvalidCloudTrailEvent() { }

    public InvalidCloudTrailEvent(string message, Exception innerException) : base(message, innerException) { }
}

#pragma warning restore CA1710
