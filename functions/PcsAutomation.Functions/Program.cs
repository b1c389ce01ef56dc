using PcsAutomation.Aws.Runtime;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Client;

// The Native AOT bootstrap of every function: _HANDLER picks the handler (see HandlerRegistry).
var time = TimeProvider.System;
using var runtimeApi = RuntimeApiClient.FromEnvironment(Environment.GetEnvironmentVariable);
return await FunctionHost.RunAsync(runtimeApi, new FunctionHostOptions
{
    GetVariable = Environment.GetEnvironmentVariable,
    Output = Console.Out,
    TraceOutput = Console.Error,
    Time = time,
    CreateAwsClients = () => AwsClientFactory.FromEnvironment(time),
});
