/// Joints scored for involvement (0 none, 1 partial, 2 ankylosed).
public enum Joint: String, Sendable, Codable, CaseIterable {
    case jaw, neck, spine, shoulder, elbow, wrist, hand, hip, knee, ankle, foot
}

/// The involvement of one joint as scored at one time: 0 none, 1 partial limitation, 2 ankylosed.
public struct JointInvolvement: Hashable, Sendable, Codable {
    public var joint: Joint
    public var side: BodySide?
    /// 0 none, 1 partial limitation, 2 ankylosed.
    public var score: Int
    /// The age when the joint was scored (the visit's).
    public var age: Age?

    public init(joint: Joint, side: BodySide? = nil, score: Int, age: Age? = nil) {
        self.joint = joint
        self.side = side
        self.score = score
        self.age = age
    }
}
