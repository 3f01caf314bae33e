using Csw.Params;

namespace Csw.Crm.Internal.Journal;

// What a journaled CRM writes, and reads back when it recovers; serialized by CrmJournalSerializer.

/// <summary>A command's response was recorded (Started, or final).</summary>
internal sealed record CommandRecorded(ISubmitResponse Response);

/// <summary>A request id was admitted: the command got <paramref name="RunId"/> and is about to run.</summary>
internal sealed record RequestAdmitted(string RequestId, Id RunId, string CommandName, bool IsSubmit);

/// <summary>A request was answered; for a Submit the answer is also the command's first response.</summary>
internal sealed record RequestAnswered(string RequestId, ICommandResponse Answer, bool IsSubmit);

/// <summary>A request remembered in a snapshot.</summary>
internal sealed record SnapshotRequest(string RequestId, Id RunId, string CommandName, bool IsSubmit, ICommandResponse? Answer);

/// <summary>Everything a CRM remembers: its commands' latest responses and its request ids, oldest first.</summary>
internal sealed record CrmSnapshot(IReadOnlyList<ISubmitResponse> Commands, IReadOnlyList<SnapshotRequest> Requests);
