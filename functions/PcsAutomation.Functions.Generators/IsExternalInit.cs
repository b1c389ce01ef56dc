// netstandard2.0 lacks the type that C# records' init accessors need; the compiler only looks for it by name.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
