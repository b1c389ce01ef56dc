using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.Ami;

// Error names are the contract with the state machines that will branch on them (see WorkflowError).
#pragma warning disable CA1710 // the type name is the state machine's error name

/// <summary>An AMI id that is not <c>ami-</c> and 8 or 17 lower-case hex characters; the message quotes it and says where it came from.</summary>
public sealed class InvalidAmiId : WorkflowError
{
    public InvalidAmiId(string message) : base(message) { }

    public InvalidAmiId() { }

    public InvalidAmiId(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The channel text (or its owner) cannot be read; the message quotes it and lists the accepted forms.</summary>
public sealed class InvalidAmiChannel : WorkflowError
{
    public InvalidAmiChannel(string message) : base(message) { }

    public InvalidAmiChannel() { }

    public InvalidAmiChannel(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The lookup found no eligible image; the message gives the search and why each candidate was rejected.</summary>
public sealed class NoEligibleAmi : WorkflowError
{
    public NoEligibleAmi(string message) : base(message) { }

    public NoEligibleAmi() { }

    public NoEligibleAmi(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>EC2 does not know the AMI id (<c>InvalidAMIID.NotFound</c>), or no longer shows it.</summary>
public sealed class AmiNotFound : WorkflowError
{
    public AmiNotFound(string message) : base(message) { }

    public AmiNotFound() { }

    public AmiNotFound(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The SSM parameter of an <c>ssm:</c> channel does not exist (or this role cannot read it).</summary>
public sealed class AmiParameterNotFound : WorkflowError
{
    public AmiParameterNotFound(string message) : base(message) { }

    public AmiParameterNotFound() { }

    public AmiParameterNotFound(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>EC2 does not know an instance type of the group (<c>InvalidInstanceType</c>); the message names them.</summary>
public sealed class UnknownInstanceType : WorkflowError
{
    public UnknownInstanceType(string message) : base(message) { }

    public UnknownInstanceType() { }

    public UnknownInstanceType(string message, Exception innerException) : base(message, innerException) { }
}

#pragma warning restore CA1710
