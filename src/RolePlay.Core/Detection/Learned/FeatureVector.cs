namespace RolePlay.Core.Detection.Learned;

/// <summary>A message as the classifier sees it: the hashed positions of its text features, and the rules' labels,
/// which are few and strong and so are weighed apart from the hundreds of text features.</summary>
internal readonly record struct FeatureVector(int[] Hashed, Behaviour Rules);
