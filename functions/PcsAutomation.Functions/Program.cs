using PcsAutomation.Aws.Runtime;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Client;

// The Native AOT bootstrap of every function: _HANDLER picks the handler (see HandlerRegistry).
// The one place the real clock enters the product (conventions point 2): everything below takes it as a TimeProvider,
// so every timing decision is testable on a virtual clock. Everywhere else in functions/ the build refuses it (RS0030).
#pragma warning disable RS0030
var time = TimeProvider.System;
#pragma warning restore RS0030
using var runtimeApi = RuntimeApiClient.FromEnvironment(Environment.GetEnvironmentVariable);
return await FunctionHost.RunAsync(runtimeApi, new FunctionHostOptions
{
    GetVariable = Environment.GetEnvironmentVariable,
    Output = Console.Out,
    TraceOutput = Console.Error,
    Time = time,
    CreateAwsClients = () => AwsClientFactory.FromEnvironment(time),
});
