namespace MassWork.Petitions.Categories;

/// <summary>The categories the seeds report (000–004); a city adds its own through the API.</summary>
public static class DefaultCategories
{
    public static IReadOnlyList<Category> All { get; } =
    [
        New("land-acquisition", "土地征收", "征地拆迁", "征地补偿、安置", "Complex"),
        New("demolition", "房屋拆迁", "征地拆迁", "拆迁补偿、过渡安置", "Complex"),
        New("social-security", "社会保障", "民生保障", "养老、低保、五保、救助", "General"),
        New("medical", "医疗卫生", "民生保障", "医保报销、看病就医", "General"),
        New("employment", "就业创业", "民生保障", "务工、欠薪、技能培训", "General"),
        New("roads-irrigation", "道路水利", "基础设施", "村组道路、桥梁、水渠、山塘", "General"),
        New("drinking-water", "饮水安全", "基础设施", "停水、水质、供水管网", "Utilities"),
        New("sanitation", "环境卫生", "基础设施", "垃圾、污水、村容整治", "General"),
        New("public-order", "社会治安", "平安建设", "治安隐患、安全事故", "Emergency"),
        New("neighbour-dispute", "邻里纠纷", "矛盾纠纷", "宅基地、相邻关系、家庭纠纷", "General"),
        New("forest-land-dispute", "山林土地纠纷", "矛盾纠纷", "山林、土地权属争议", "Complex"),
        New("policy-question", "政策咨询", "政策咨询", "惠民政策、办事流程", "General"),
        New("other", "其他", "其他", null, "General"),
    ];

    private static Category New(string code, string name, string group, string? description, string workOrderClass) =>
        new() { Code = code, Name = name, Group = group, Description = description, WorkOrderClass = workOrderClass };
}
