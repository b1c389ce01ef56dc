namespace PcsAutomation.LocalAws.World;

/// <summary>
/// One extension of a Capacity Block and its payment, as <c>DescribeCapacityBlockExtensionHistory</c> shows it (botocore
/// EC2 model, shape CapacityBlockExtension; https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-extend.html):
/// "The extension will remain in payment-pending until the bill is paid"; then payment-succeeded (the reservation's end
/// date moves) or payment-failed (the reservation stays active and ends on its original date, guide L3472-3476).
/// Guards its own status changes (conventions point 9).
/// </summary>
public sealed class CapacityBlockExtension
{
    public const string PaymentPending = "payment-pending";
    public const string PaymentFailed = "payment-failed";
    public const string PaymentSucceeded = "payment-succeeded";

    public required string CapacityReservationId { get; init; }
    public required DateTimeOffset PurchaseDate { get; init; }

    /// <summary>The block's end date when the extension was bought ("the same as the end date of the Capacity Block that will be extended").</summary>
    public required DateTimeOffset StartDate { get; init; }

    public required DateTimeOffset EndDate { get; init; }

    public string Status { get; private set; } = PaymentPending;

    public int DurationHours => (int)Math.Round((EndDate - StartDate).TotalHours);

    public void Succeed() => Move(PaymentSucceeded);

    public void Fail() => Move(PaymentFailed);

    private void Move(string to)
    {
        if (Status != PaymentPending)
            throw new InvalidOperationException($"The extension of {CapacityReservationId} cannot go from {Status} to {to}.");
        Status = to;
    }
}
