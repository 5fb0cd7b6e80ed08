using BenchmarkDotNet.Attributes;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Benchmarks.Practice;

/// <summary>Loading and validating every shipped pack, against only parsing the same YAML text: the ratio is what
/// building and validating the model costs on top of YamlDotNet's parser.</summary>
[MemoryDiagnoser]
public class ContentLoadBenchmarks
{
    private ContentFile[] _files = [];

    [GlobalSetup]
    public void ReadFiles() => _files = ContentSources.Shipped().ToArray();

    [Benchmark(Baseline = true)]
    public int ParseYamlOnly()
    {
        var documents = 0;
        foreach (var file in _files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Text));
            documents += stream.Documents.Count;
        }

        return documents;
    }

    [Benchmark]
    public ContentLoadResult LoadAndValidate() => ContentLoader.Load(_files);
}
