using System.Text.RegularExpressions;
using CsCheck;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.Workflows;

public partial class ExecutionNamesTests
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex StepFunctionsName();

    private static readonly DateTimeOffset Opened = new(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);
    private static readonly WorkflowKind Rotation = WorkflowKind.ClusterSecretRotation;
    private static readonly WorkflowKind LongPrefix = new("a-workflow-with-a-long-prefix", "a-long-prefix");

    [Fact]
    public void ForWindow_PcsClusterId_ReadableName()
    {
        Assert.Equal("rotate-pcs_123456abcd-20260111T0200", ExecutionNames.ForWindow(Rotation, "pcs_123456abcd", Opened));
    }

    [Fact]
    public void ForWindow_NonUtcOffset_UsesUtc()
    {
        Assert.Equal("rotate-pcs_abc-20260111T0200", ExecutionNames.ForWindow(Rotation, "pcs_abc", Opened.ToOffset(TimeSpan.FromHours(5))));
    }

    [Fact]
    public void OnDemand_SameMinute_SameName()
    {
        var now = new DateTimeOffset(2026, 1, 11, 3, 12, 5, TimeSpan.Zero);
        Assert.Equal("rotate-pcs_abc-manual-20260111T0312", ExecutionNames.OnDemand(Rotation, "pcs_abc", now));
        Assert.Equal(ExecutionNames.OnDemand(Rotation, "pcs_abc", now), ExecutionNames.OnDemand(Rotation, "pcs_abc", now.AddSeconds(50)));
        Assert.NotEqual(ExecutionNames.OnDemand(Rotation, "pcs_abc", now), ExecutionNames.OnDemand(Rotation, "pcs_abc", now.AddSeconds(60)));
    }

    [Fact]
    public void ForWindow_OddCharacters_SanitizedWithHash()
    {
        var name = ExecutionNames.ForWindow(Rotation, "pcs:weird id!", Opened);
        Assert.Matches(StepFunctionsName(), name);
        Assert.StartsWith("rotate-pcs-weird-id--", name, StringComparison.Ordinal);
        Assert.NotEqual(name, ExecutionNames.ForWindow(Rotation, "pcs weird:id!", Opened));
        Assert.Equal(name, ExecutionNames.ForWindow(Rotation, "pcs:weird id!", Opened));
    }

    [Fact]
    public void OnDemand_VeryLongId_FitsIn80AndStaysUnique()
    {
        var a = new string('a', 200) + "1";
        var b = new string('a', 200) + "2";
        var nameA = ExecutionNames.OnDemand(Rotation, a, Opened);
        Assert.Matches(StepFunctionsName(), nameA);
        Assert.Equal(80, nameA.Length);
        Assert.NotEqual(nameA, ExecutionNames.OnDemand(Rotation, b, Opened));
    }

    [Fact]
    public void ForWindow_EmptyId_Throws()
    {
        Assert.Throws<ArgumentException>(() => ExecutionNames.ForWindow(Rotation, "", Opened));
    }

    private static readonly Gen<DateTimeOffset> Instants =
        Gen.Long[946_684_800L, 4_102_444_800L].Select(s => DateTimeOffset.FromUnixTimeSeconds(s));

    [Fact]
    public void ForWindowAndOnDemand_AnyId_ValidStepFunctionsName()
    {
        Gen.Select(Gen.String, Instants).Where(t => t.Item1.Length > 0).Sample((id, at) =>
            StepFunctionsName().IsMatch(ExecutionNames.ForWindow(Rotation, id, at)) && StepFunctionsName().IsMatch(ExecutionNames.OnDemand(Rotation, id, at)));
    }

    [Fact]
    public void SafeId_DifferentIds_DifferentResults()
    {
        Gen.Select(Gen.String, Gen.String).Where(t => t.Item1.Length > 0 && t.Item2.Length > 0 && t.Item1 != t.Item2)
            .Sample((a, b) => ExecutionNames.SafeId(Rotation, a) != ExecutionNames.SafeId(Rotation, b));
    }

    [Fact]
    public void SafeId_PcsStyleIds_KeptAsIs()
    {
        Gen.String[Gen.Char.AlphaNumeric, 10, 10].Select(s => "pcs_" + s).Sample(id => ExecutionNames.SafeId(Rotation, id) == id);
    }

    [Fact]
    public void NoticeForWindow_PcsClusterId_NamesTheWindowItAnnounces()
    {
        Assert.Equal("rotate-pcs_abc-notice-20260111T0200", ExecutionNames.NoticeForWindow(Rotation, "pcs_abc", Opened));
        Assert.NotEqual(ExecutionNames.NoticeForWindow(Rotation, "pcs_abc", Opened), ExecutionNames.ForWindow(Rotation, "pcs_abc", Opened));
    }

    [Fact]
    public void Names_EachWorkflow_StartWithItsPrefix()
    {
        Assert.StartsWith("a-long-prefix-pcs_abc-", ExecutionNames.ForWindow(LongPrefix, "pcs_abc", Opened), StringComparison.Ordinal);
        Assert.StartsWith("rotate-pcs_abc-", ExecutionNames.ForWindow(Rotation, "pcs_abc", Opened), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_LongPrefixAnyId_StillValidStepFunctionsNames()
    {
        Gen.Select(Gen.String, Instants).Where(t => t.Item1.Length > 0).Sample((id, at) =>
            StepFunctionsName().IsMatch(ExecutionNames.OnDemand(LongPrefix, id, at)) && StepFunctionsName().IsMatch(ExecutionNames.NoticeForWindow(LongPrefix, id, at)));
    }

    private static readonly WorkflowKind Update = WorkflowKind.NodeGroupUpdate;
    private const string Ami = "ami-0123456789abcdef0";

    [Fact]
    public void ImagesKey_OneImage_TheAmiIdItself() => Assert.Equal(Ami, ExecutionNames.ImagesKey([Ami, Ami]));

    [Fact]
    public void ImagesKey_SeveralImages_OneHashWhateverTheOrder()
    {
        var key = ExecutionNames.ImagesKey([Ami, "ami-0fedcba9876543210"]);

        Assert.Matches("^images-[0-9a-f]{10}$", key);
        Assert.Equal(key, ExecutionNames.ImagesKey(["ami-0fedcba9876543210", Ami]));
        Assert.NotEqual(key, ExecutionNames.ImagesKey([Ami, "ami-0fedcba9876543211"]));
    }

    [Fact]
    public void ImagesKey_NoImage_Throws() => Assert.Throws<ArgumentException>(() => ExecutionNames.ImagesKey([]));

    [Fact]
    public void ImageNames_PcsIds_ReadableAndDistinctPerKind()
    {
        var window = ExecutionNames.ForImagesInWindow(Update, "pcs_123456abcd", Ami, Opened);
        var notice = ExecutionNames.NoticeForImages(Update, "pcs_123456abcd", Ami);
        var fix = ExecutionNames.RemediationForImages(Update, "pcs_123456abcd", "pcs_ng0123456a", Ami);
        var finding = ExecutionNames.FindingForEvent(Update, "pcs_123456abcd", "24ba271e-d595-4e66-a7fd-9c16cbf8abae");

        Assert.Equal("update-pcs_123456abcd-ami-0123456789abcdef0-20260111T0200", window);
        Assert.Equal("update-pcs_123456abcd-notice-ami-0123456789abcdef0", notice);
        Assert.Equal("update-pcs_123456abcd-fix-pcs_ng0123456a-ami-0123456789abcdef0", fix);
        Assert.Equal("update-pcs_123456abcd-finding-24ba271e-d595-4e66-a7fd-9c16cbf8abae", finding);
    }

    [Fact]
    public void ImageNames_NextWindowOrAnotherImage_AnotherName()
    {
        Assert.NotEqual(ExecutionNames.ForImagesInWindow(Update, "pcs_abc", Ami, Opened), ExecutionNames.ForImagesInWindow(Update, "pcs_abc", Ami, Opened.AddDays(7)));
        Assert.NotEqual(ExecutionNames.NoticeForImages(Update, "pcs_abc", Ami), ExecutionNames.NoticeForImages(Update, "pcs_abc", "ami-0123456789abcdef1"));
    }

    [Fact]
    public void ImageNames_LongPrefixAndAnyParts_ValidStepFunctionsNames()
    {
        Gen.Select(Gen.String, Gen.String, Gen.String, Instants).Where(t => t.Item1.Length > 0 && t.Item2.Length > 0 && t.Item3.Length > 0).Sample((id, group, other, at) =>
            StepFunctionsName().IsMatch(ExecutionNames.ForImagesInWindow(LongPrefix, id, other, at))
            && StepFunctionsName().IsMatch(ExecutionNames.NoticeForImages(LongPrefix, id, other))
            && StepFunctionsName().IsMatch(ExecutionNames.RemediationForImages(LongPrefix, id, group, other))
            && StepFunctionsName().IsMatch(ExecutionNames.FindingForEvent(LongPrefix, id, other)));
    }

    private static readonly WorkflowKind Expiry = WorkflowKind.CapacityBlockExpiry;
    private static readonly DateTimeOffset BlockEnd = new(2026, 3, 2, 11, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ForCapacityBlock_ReservationAndEnd_ReadableNameToTheSecond()
    {
        Assert.Equal("expire-cr-1234567890abcdef1-20260302T113000", ExecutionNames.ForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd));
        Assert.Equal(ExecutionNames.ForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd), ExecutionNames.ForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd.ToOffset(TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void ForCapacityBlock_ExtendedEndOrAnotherBlock_AnotherName()
    {
        var name = ExecutionNames.ForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd);
        Assert.NotEqual(name, ExecutionNames.ForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd.AddDays(1)));
        Assert.NotEqual(name, ExecutionNames.ForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd.AddSeconds(1)));
        Assert.NotEqual(name, ExecutionNames.ForCapacityBlock(Expiry, "cr-1234567890abcdef2", BlockEnd));
    }

    [Fact]
    public void ForCapacityBlock_AnyReservationText_ValidStepFunctionsName()
    {
        Gen.Select(Gen.String, Instants).Where(t => t.Item1.Length > 0).Sample((id, at) =>
            StepFunctionsName().IsMatch(ExecutionNames.ForCapacityBlock(Expiry, id, at)) && StepFunctionsName().IsMatch(ExecutionNames.ForCapacityBlock(LongPrefix, id, at)));
    }

    [Fact]
    public void RestoreForCapacityBlock_ReservationAndEnd_ReadableNameOtherThanTheExpirys()
    {
        var name = ExecutionNames.RestoreForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd);

        Assert.Equal("expire-cr-1234567890abcdef1-restore-20260302T113000", name);
        Assert.Equal(name, ExecutionNames.RestoreForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd.ToOffset(TimeSpan.FromHours(3))));
        Assert.NotEqual(ExecutionNames.ForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd), name);
    }

    [Fact] // a paid extension moves the end: the groups parked before it come back under a new name
    public void RestoreForCapacityBlock_ExtendedEndOrAnotherBlock_AnotherName()
    {
        var name = ExecutionNames.RestoreForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd);
        Assert.NotEqual(name, ExecutionNames.RestoreForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd.AddHours(1)));
        Assert.NotEqual(name, ExecutionNames.RestoreForCapacityBlock(Expiry, "cr-1234567890abcdef2", BlockEnd));
    }

    [Fact]
    public void RestoreForCapacityBlock_AnyReservationText_ValidStepFunctionsName()
    {
        Gen.Select(Gen.String, Instants, Gen.Int[1, RestoreAttempts.Max]).Where(t => t.Item1.Length > 0).Sample((id, at, attempt) =>
            StepFunctionsName().IsMatch(ExecutionNames.RestoreForCapacityBlock(Expiry, id, at, attempt))
            && StepFunctionsName().IsMatch(ExecutionNames.RestoreForCapacityBlock(LongPrefix, id, at, attempt)));
    }

    [Fact] // a failed restore's name is taken for good: the next attempt needs its own
    public void RestoreForCapacityBlock_LaterAttempt_NumberedNameTheFirstKeepsItsOwn()
    {
        Assert.Equal("expire-cr-1234567890abcdef1-restore-20260302T113000", ExecutionNames.RestoreForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd, 1));
        Assert.Equal("expire-cr-1234567890abcdef1-restore-20260302T113000-2", ExecutionNames.RestoreForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExecutionNames.RestoreForCapacityBlock(Expiry, "cr-1234567890abcdef1", BlockEnd, 0));
    }

    [Fact]
    public void WorkflowKind_CapacityBlockExpiry_KnownByNameWithItsPrefix()
    {
        Assert.Same(WorkflowKind.CapacityBlockExpiry, WorkflowKind.Find("capacity-block-expiry"));
        Assert.Equal("expire", WorkflowKind.CapacityBlockExpiry.ExecutionPrefix);
        Assert.Equal(WorkflowKind.All.Count, WorkflowKind.All.Select(w => w.ExecutionPrefix).Distinct().Count());
    }
}
