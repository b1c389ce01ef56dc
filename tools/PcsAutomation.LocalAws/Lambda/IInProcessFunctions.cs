namespace PcsAutomation.LocalAws.Lambda;

/// <summary>
/// Code that serves a served emulator's template functions in process, for the lifetime of the server
/// (<see cref="ServeCommand"/>): its <see cref="Create"/> becomes <see cref="LocalAwsOptions.FunctionFactory"/>. The
/// emulator only knows this contract; the product's host implements it, outside the emulator.
/// </summary>
public interface IInProcessFunctions : IAsyncDisposable
{
    /// <summary>The handler of <paramref name="declared"/>, or null to leave it to the bootstrap (see <see cref="LocalAwsOptions.FunctionFactory"/>).</summary>
    Func<string, CancellationToken, Task<string>>? Create(TemplateFunction declared);
}
