using Microsoft.AspNetCore;
using MassWork.Identity.Tokens;
using OpenIddict.Server.AspNetCore;

namespace MassWork.Identity.SignIn;

/// <summary>
/// The authorization endpoint (code flow with PKCE, for the web console): OpenIddict has checked
/// the client, its redirect address and the code challenge before this runs. The staff member
/// gives a password, then a second factor; only then is an authorization code issued.
/// </summary>
public static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, SignInService signIn, SecondFactorSms sms, StaffPrincipals principals, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict authorization request is missing.");
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return SignInPages.Password(request);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        switch (form[SignInPages.Step].ToString())
        {
            case SignInPages.PasswordStep:
                var userName = form[SignInPages.UserNameField].ToString();
                var challenge = await signIn.CheckPasswordAsync(userName, form[SignInPages.PasswordField], cancellationToken);
                return challenge is null
                    ? SignInPages.Password(request, userName, SignInPages.PasswordFailed, StatusCodes.Status400BadRequest)
                    : SignInPages.Code(request, challenge, SecondFactor.Totp);

            case SignInPages.SmsStep:
                var token = form[SignInPages.ChallengeField].ToString();
                return await sms.SendAsync(token, cancellationToken) switch
                {
                    SmsCodeOutcome.Sent => SignInPages.Code(request, token, SecondFactor.Sms),
                    SmsCodeOutcome.NoPhone => SignInPages.Code(request, token, SecondFactor.Totp, SignInPages.NoPhone, StatusCodes.Status400BadRequest),
                    SmsCodeOutcome.TooMany => SignInPages.Code(request, token, SecondFactor.Sms, SignInPages.TooManySms, StatusCodes.Status429TooManyRequests),
                    _ => SignInPages.Password(request, error: SignInPages.ChallengeExpired, statusCode: StatusCodes.Status400BadRequest),
                };

            case SignInPages.CodeStep:
                var challengeToken = form[SignInPages.ChallengeField].ToString();
                var result = await signIn.CheckSecondFactorAsync(challengeToken, form[SignInPages.CodeField], cancellationToken);
                if (result.Account is { } account)
                {
                    var principal = principals.ForStaff(account, request.GetScopes(), time.GetUtcNow());
                    return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
                }

                return result.ChallengeOpen
                    ? SignInPages.Code(request, challengeToken, await signIn.MethodOfAsync(challengeToken, cancellationToken), SignInPages.CodeFailed, StatusCodes.Status400BadRequest)
                    : SignInPages.Password(request, error: SignInPages.ChallengeExpired, statusCode: StatusCodes.Status400BadRequest);

            default:
                return SignInPages.Password(request);
        }
    }
}
