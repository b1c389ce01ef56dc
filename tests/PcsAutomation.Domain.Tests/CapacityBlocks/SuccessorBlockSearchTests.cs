using PcsAutomation.Domain.CapacityBlocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class SuccessorBlockSearchTests
{
    [Fact]
    public void Find_RoomTakenByOtherUsers_NotChosen()
    {
        var group = Group("gpu", min: 10, max: 10);
        var (found, gap) = SuccessorBlockSearch.Find(group, Block(), [Block(), Successor()], new Dictionary<string, int> { [Next] = 8 });

        Assert.Null(found);
        Assert.Null(gap);
        Assert.Equal(Next, SuccessorBlockSearch.Find(group, Block(), [Block(), Successor()], new Dictionary<string, int> { [Next] = 6 }).Successor?.ReservationId);
    }

    [Fact]
    public void Find_SeveralFitting_TheOneEndingLast()
    {
        var shorter = Successor(Next);
        var longer = Block(Other, start: End.AddHours(-2), end: End.AddDays(14), state: "active");
        var (found, _) = SuccessorBlockSearch.Find(Group("gpu"), Block(), [Block(), shorter, longer], new Dictionary<string, int>());

        Assert.Equal(Other, found?.ReservationId);
    }

    [Fact]
    public void Find_BlockEndingBeforeTheExpiringOne_NotASuccessor()
    {
        var earlier = Block(Next, start: Start, end: End.AddHours(-1));
        Assert.Null(SuccessorBlockSearch.Find(Group("gpu"), Block(), [Block(), earlier], new Dictionary<string, int>()).Successor);
    }
}
