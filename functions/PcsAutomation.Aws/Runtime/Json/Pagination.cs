using System.Runtime.CompilerServices;

namespace PcsAutomation.Aws.Runtime.Json;

/// <summary>The token loop behind every paginator: ask, yield, repeat while the service returns a next token.</summary>
internal static class Pagination
{
    public static async IAsyncEnumerable<TResponse> Pages<TRequest, TResponse>(
        TRequest first,
        Func<TRequest, CancellationToken, Task<TResponse>> call,
        Func<TResponse, string?> nextToken,
        Func<TRequest, string, TRequest> withToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = first;
        string? previous = null;
        while (true)
        {
            var response = await call(request, cancellationToken).ConfigureAwait(false);
            yield return response;
            var token = nextToken(response);
            if (string.IsNullOrEmpty(token))
                yield break;
            // like botocore: a service (or emulator) that repeats its token would otherwise page forever
            if (token == previous)
                throw new InvalidOperationException("The service returned the same pagination token twice; stopping.");
            previous = token;
            request = withToken(request, token);
        }
    }

    public static async IAsyncEnumerable<TItem> Items<TResponse, TItem>(
        IAsyncEnumerable<TResponse> pages,
        Func<TResponse, IEnumerable<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items(page) ?? [])
                yield return item;
        }
    }
}
