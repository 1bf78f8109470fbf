using Microsoft.AspNetCore.WebUtilities;

namespace MassWork.ServiceTests.Notifications;

/// <summary>
/// Provider calls whose answer the test holds back: the call reaches the provider (the simulator
/// acts on it at once), and the service hears back only when the test lets the answer through,
/// as when a slow network or a busy provider keeps a call out.
/// </summary>
public sealed class ProviderHolds
{
    private readonly List<Hold> _waiting = [];

    /// <summary>Holds the answer of the next call of that Aliyun action for that number.</summary>
    public Hold Add(string action, string phone)
    {
        var hold = new Hold(action, phone);
        lock (_waiting)
        {
            _waiting.Add(hold);
        }

        return hold;
    }

    /// <summary>Goes between the service and the provider on the service's SMS client.</summary>
    public DelegatingHandler Handler() => new HoldingHandler(this);

    private Hold? Take(string action, string phones)
    {
        lock (_waiting)
        {
            var hold = _waiting.FirstOrDefault(h => h.Action == action && phones.Contains(h.Phone, StringComparison.Ordinal));
            if (hold is not null)
            {
                _waiting.Remove(hold);
            }

            return hold;
        }
    }

    public sealed class Hold(string action, string phone)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Action => action;

        public string Phone => phone;

        /// <summary>The provider has answered; the service waits for the answer.</summary>
        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        internal async Task HoldAsync(CancellationToken cancellationToken)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class HoldingHandler(ProviderHolds holds) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = QueryHelpers.ParseQuery(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
            var phones = form.TryGetValue("PhoneNumber", out var one) ? one.ToString() : form.TryGetValue("PhoneNumbers", out var many) ? many.ToString() : "";
            var hold = holds.Take(form.TryGetValue("Action", out var action) ? action.ToString() : "", phones);
            var response = await base.SendAsync(request, cancellationToken);
            if (hold is not null)
            {
                await hold.HoldAsync(cancellationToken);
            }

            return response;
        }
    }
}
