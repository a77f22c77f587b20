using Google.Protobuf.Compiler;

namespace CapacityHub.Rpc.CodeGen;

/// <summary>One protoc invocation: a C# file of service bases and clients for each requested .proto.</summary>
public static class PluginRun
{
    public static CodeGeneratorResponse Generate(CodeGeneratorRequest request)
    {
        var response = new CodeGeneratorResponse
        {
            SupportedFeatures = (ulong)CodeGeneratorResponse.Types.Feature.Proto3Optional,
        };
        try
        {
            var types = new TypeNames(request.ProtoFile);
            foreach (var fileName in request.FileToGenerate)
            {
                var file = request.ProtoFile.Single(f => f.Name == fileName);

                // A file is written even when it declares no service, so that removing the last
                // service from a proto replaces stale generated code instead of leaving it behind.
                response.File.Add(new CodeGeneratorResponse.Types.File
                {
                    Name = CSharpNames.OutputFileName(file),
                    Content = new ServiceFileWriter(file, types).Write(),
                });
            }
        }
        catch (InvalidOperationException ex)
        {
            response.Error = ex.Message;
        }

        return response;
    }
}
