using System.Net;
using Bunit;
using MassWork.Console.Components;
using MassWork.Console.Components.Charts;
using MassWork.Console.Gateway;
using Microsoft.AspNetCore.Components;

namespace MassWork.UnitTests.Console;

/// <summary>The console's own components rendered by bUnit, as the server sends them.</summary>
public sealed class ComponentTests : BunitContext
{
    public ComponentTests()
    {
        // Ant Design's components take their services (id generator, configuration) as the console's Program registers them.
        Microsoft.Extensions.DependencyInjection.ServiceCollectionExtensions.AddAntDesign(Services);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_bar_chart_draws_each_bar_to_scale_with_its_text_and_links_it_to_the_list_behind()
    {
        var chart = Render<BarChart>(p => p
            .Add(c => c.Title, "项目按阶段")
            .Add(c => c.Bars, [new Bar("已申报", 4, "4", "/projects?stage=Proposed"), new Bar("实施中", 2, "2"), new Bar("已撤销", 0, "0")]));

        var rects = chart.FindAll("rect");
        Assert.Equal(["340", "170", "0"], rects.Select(r => r.GetAttribute("width")));
        Assert.Equal("/projects?stage=Proposed", chart.Find("a").GetAttribute("href"));
        Assert.Equal(["已申报", "4", "实施中", "2", "已撤销", "0"], chart.FindAll("text").Select(t => t.TextContent));
        Assert.Equal("项目按阶段", chart.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void An_empty_chart_says_there_is_no_data()
    {
        var chart = Render<BarChart>(p => p.Add(c => c.Title, "资金按来源").Add(c => c.Bars, []));

        Assert.Empty(chart.FindAll("svg[role=img]"));
        Assert.Contains("暂无数据", chart.Markup);
    }

    [Fact]
    public void A_panel_shows_its_figures_or_says_why_they_are_missing()
    {
        RenderFragment figures = b => b.AddMarkupContent(0, "<span id=\"figures\">98%</span>");
        var shown = Render<ServicePanel<int>>(p => p.Add(c => c.Title, "结对覆盖").Add(c => c.Result, ApiResult<int>.Ok(1)).Add(c => c.ChildContent, figures));
        var refused = Render<ServicePanel<int>>(p => p.Add(c => c.Title, "结对覆盖")
            .Add(c => c.Result, ApiResult<int>.Failed(new ApiProblem(HttpStatusCode.Forbidden, null, null, new Dictionary<string, string[]>())))
            .Add(c => c.ChildContent, figures));
        var down = Render<ServicePanel<int>>(p => p.Add(c => c.Title, "结对覆盖").Add(c => c.Result, ApiResult<int>.Failed(ApiProblem.Unavailable)).Add(c => c.ChildContent, figures));

        Assert.Equal("98%", shown.Find("#figures").TextContent);
        Assert.Empty(refused.FindAll("#figures"));
        Assert.Equal("您的角色或所辖区域无权查看或办理此项。", refused.Find(".mw-refused").TextContent);
        Assert.Equal("服务暂时不可用，请稍后重试。", down.Find(".mw-failed").TextContent);
    }

    [Fact]
    public void The_pager_keeps_the_lists_filters_and_offers_only_the_pages_there_are()
    {
        var middle = Render<Pager>(p => p.Add(c => c.Total, 120).Add(c => c.Page, 2).Add(c => c.PageSize, 50).Add(c => c.Path, "/audit")
            .Add(c => c.Query, new Dictionary<string, string?> { ["user"] = "u1", ["entity"] = null }));
        var last = Render<Pager>(p => p.Add(c => c.Total, 120).Add(c => c.Page, 3).Add(c => c.PageSize, 50).Add(c => c.Path, "/audit"));
        var empty = Render<Pager>(p => p.Add(c => c.Total, 0).Add(c => c.Page, 1).Add(c => c.PageSize, 50).Add(c => c.Path, "/audit"));

        Assert.Contains("共 120 条，第 2 / 3 页", middle.Markup);
        Assert.Equal(["/audit?user=u1&page=1", "/audit?user=u1&page=3"], middle.FindAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["上一页"], last.FindAll("a").Select(a => a.TextContent));
        Assert.Empty(empty.Markup.Trim());
    }

    [Fact]
    public void A_field_error_shows_the_services_message_for_that_field_only()
    {
        var problem = new ApiProblem(HttpStatusCode.BadRequest, "One or more validation errors occurred.", null,
            new Dictionary<string, string[]> { ["to"] = ["On or after 'from'."] });

        var to = Render<FieldError>(p => p.Add(c => c.Field, "to").Add(c => c.Problem, problem));
        var from = Render<FieldError>(p => p.Add(c => c.Field, "from").Add(c => c.Problem, problem));

        Assert.Equal("On or after 'from'.", to.Find("#error-to").TextContent);
        Assert.Empty(from.Markup.Trim());
    }
}
