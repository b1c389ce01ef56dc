using System.Runtime.CompilerServices;

// The tests replace the profile-region lookup and the credential chain, which read the machine's files and network.
[assembly: InternalsVisibleTo("PcsAutomation.Aws.Tests")]
