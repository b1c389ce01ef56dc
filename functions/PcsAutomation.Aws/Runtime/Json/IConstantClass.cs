namespace PcsAutomation.Aws.Runtime.Json;

/// <summary>A constant class that can be looked up by its wire value (known or not) without reflection.</summary>
public interface IConstantClass<TSelf> where TSelf : Amazon.Runtime.ConstantClass
{
    static abstract TSelf FindValue(string value);
}
