using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.JobProtection;

public class JobPolicyTagsTests
{
    private const string Policy = "pcs-automation:job-policy";
    private const string Timeout = "pcs-automation:job-policy-timeout";
    private const string OnTimeout = "pcs-automation:job-policy-on-timeout";

    private static JobPolicySettings Read(WorkflowKind workflow, params (string Key, string Value)[] tags) =>
        JobPolicyTags.Read(tags.ToDictionary(t => t.Key, t => t.Value), workflow);

    private static JobPolicySettings Read(params (string Key, string Value)[] tags) => Read(WorkflowKind.ClusterSecretRotation, tags);

    [Theory] // the safer action per workflow: a routine rotation aborts, a roll-out ends no job by going on, an expiry cannot wait
    [InlineData("cluster-secret-rotation", JobPolicyTimeoutAction.Abort)]
    [InlineData("node-group-update", JobPolicyTimeoutAction.Proceed)]
    [InlineData("capacity-block-expiry", JobPolicyTimeoutAction.Proceed)]
    public void Read_NoTags_ReserveForAnHourAndTheWorkflowsTimeoutAction(string workflow, JobPolicyTimeoutAction expected)
    {
        var settings = Read(WorkflowKind.Find(workflow)!);

        Assert.Equal((JobPolicy.Reserve, false, TimeSpan.FromHours(1), expected), (settings.Policy, settings.PolicyTagged, settings.Timeout, settings.OnTimeout));
        Assert.Empty(settings.Problems);
        Assert.Empty(settings.Notes);
    }

    [Theory]
    [InlineData("reserve", "5m", "proceed", JobPolicy.Reserve, 5, JobPolicyTimeoutAction.Proceed)]
    [InlineData("DRAIN", "90M", "Abort", JobPolicy.Drain, 90, JobPolicyTimeoutAction.Abort)]
    [InlineData("Requeue", "2h", "abort", JobPolicy.Requeue, 120, JobPolicyTimeoutAction.Abort)]
    [InlineData("reserve", "1d", "proceed", JobPolicy.Reserve, 1440, JobPolicyTimeoutAction.Proceed)]
    public void Read_ValidTagsInAnyCase_Followed(string policy, string timeout, string onTimeout, JobPolicy expected, int minutes, JobPolicyTimeoutAction action)
    {
        var settings = Read((Policy, policy), (Timeout, timeout), (OnTimeout, onTimeout));

        Assert.Equal((expected, true, TimeSpan.FromMinutes(minutes), action), (settings.Policy, settings.PolicyTagged, settings.Timeout, settings.OnTimeout));
        Assert.Empty(settings.Problems);
    }

    [Theory] // a typo never ends jobs: the default, reserve, applies, and the problem quotes the value
    [InlineData("reserv")]
    [InlineData("requeue ")]
    [InlineData("")]
    public void Read_BadPolicy_ProblemNamesTheTagAndValueAndReserveApplies(string value)
    {
        var settings = Read((Policy, value));

        Assert.Equal((JobPolicy.Reserve, false), (settings.Policy, settings.PolicyTagged));
        var problem = Assert.Single(settings.Problems);
        Assert.Equal((Policy, value), (problem.TagKey, problem.Value));
        Assert.Equal($"{Policy} '{value}' is not reserve, drain or requeue: reserve applies (the default; jobs are never requeued on a typo)", problem.Message);
    }

    [Theory]
    [InlineData("20", "has no unit m (minutes), h (hours) or d (days) at its end")]
    [InlineData("2x", "has no unit m (minutes), h (hours) or d (days) at its end")]
    [InlineData("-1h", "is not a whole number of minutes, hours or days (no sign, decimals or spaces)")]
    [InlineData("1.5h", "is not a whole number of minutes, hours or days (no sign, decimals or spaces)")]
    [InlineData("h", "is not a whole number of minutes, hours or days such as 45m, 2h or 1d")]
    [InlineData("", "is not a whole number of minutes, hours or days such as 45m, 2h or 1d")]
    public void Read_MalformedTimeout_ProblemSaysWhatIsWrongAndTheDefaultApplies(string value, string what)
    {
        var settings = Read((Timeout, value));

        Assert.Equal(TimeSpan.FromHours(1), settings.Timeout);
        var problem = Assert.Single(settings.Problems);
        Assert.Equal(Timeout, problem.TagKey);
        Assert.StartsWith($"{Timeout} '{value}' {what}", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith(": 1h applies (the default)", problem.Message, StringComparison.Ordinal);
    }

    [Theory] // well formed but out of bounds: the nearest bound is closer to what was meant than the default
    [InlineData("1m", 5, "is below the shortest wait, 5m: 5m applies")]
    [InlineData("0h", 5, "is below the shortest wait, 5m: 5m applies")]
    [InlineData("48h", 1440, "is above the longest wait, 1d: 1d applies")]
    [InlineData("99999999999999999d", 1440, "is above the longest wait, 1d: 1d applies")]
    [InlineData("99999999999999999999999m", 1440, "is above the longest wait, 1d: 1d applies")]
    public void Read_TimeoutOutOfBounds_TheNearestBoundApplies(string value, int minutes, string what)
    {
        var settings = Read((Timeout, value));

        Assert.Equal(TimeSpan.FromMinutes(minutes), settings.Timeout);
        Assert.Equal($"{Timeout} '{value}' {what}", Assert.Single(settings.Problems).Message);
    }

    [Fact]
    public void Read_BadOnTimeout_TheWorkflowsDefaultApplies()
    {
        var rotation = Read((OnTimeout, "wait"));
        var rollout = Read(WorkflowKind.NodeGroupUpdate, (OnTimeout, "wait"));

        Assert.Equal(JobPolicyTimeoutAction.Abort, rotation.OnTimeout);
        Assert.Equal($"{OnTimeout} 'wait' is not proceed or abort: abort applies (the cluster-secret-rotation default)", Assert.Single(rotation.Problems).Message);
        Assert.Equal(JobPolicyTimeoutAction.Proceed, rollout.OnTimeout);
    }

    [Fact] // EC2 terminates a block's instances at its time: an expiry cannot abort, and says so
    public void Read_AbortForACapacityBlockExpiry_ProceedsWithANote()
    {
        var settings = Read(WorkflowKind.CapacityBlockExpiry, (OnTimeout, "abort"));

        Assert.Equal(JobPolicyTimeoutAction.Proceed, settings.OnTimeout);
        Assert.Empty(settings.Problems);
        Assert.Contains("does not apply to a capacity-block-expiry", Assert.Single(settings.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralBadTags_EveryOneReported()
    {
        var settings = Read((Policy, "kill"), (Timeout, "soon"), (OnTimeout, "never"));

        Assert.Equal([Policy, Timeout, OnTimeout], settings.Problems.Select(p => p.TagKey));
    }

    [Fact]
    public void Read_LongValue_ClippedInTheMessageButKeptWhole()
    {
        var value = new string('x', 100);

        var problem = Assert.Single(Read((Policy, value)).Problems);

        Assert.Equal(value, problem.Value);
        Assert.Contains($"'{new string('x', 40)}...'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, "5m")]
    [InlineData(90, "90m")]
    [InlineData(120, "2h")]
    [InlineData(1440, "1d")]
    public void Format_Duration_ReadsBackToItself(int minutes, string text)
    {
        Assert.Equal(text, JobWaitTimeout.Format(TimeSpan.FromMinutes(minutes)));
        Assert.Equal((TimeSpan.FromMinutes(minutes), (string?)null), JobWaitTimeout.Read(text));
    }
}
