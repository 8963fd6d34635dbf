package io.tradecredit.devstack.demo;

import java.util.List;

/**
 * The demo book's companies: Chinese buyers (city, name, the mailbox slug, industry, the city's
 * administrative division code that a unified social credit code carries) and English-named ones
 * abroad (country, name, slug, industry), with the contacts who pay their invoices.
 */
final class Names {
    private Names() {
    }

    record City(String name, String divisionCode, String street, String postcode, String areaCode) {
    }

    record Company(String city, String name, String slug, String industry) {
    }

    static final List<City> CITIES = List.of(
            new City("深圳", "440300", "深圳市福田区深南大道", "518000", "755"),
            new City("上海", "310000", "上海市浦东新区张江路", "201203", "21"),
            new City("杭州", "330100", "杭州市西湖区文三路", "310012", "571"),
            new City("北京", "110000", "北京市朝阳区建国路", "100022", "10"),
            new City("广州", "440100", "广州市天河区天河路", "510620", "20"),
            new City("苏州", "320500", "苏州市工业园区星湖街", "215123", "512"),
            new City("宁波", "330200", "宁波市鄞州区天童南路", "315100", "574"),
            new City("成都", "510100", "成都市高新区天府大道", "610041", "28"),
            new City("武汉", "420100", "武汉市江汉区解放大道", "430022", "27"),
            new City("天津", "120000", "天津市滨海新区第三大街", "300457", "22"),
            new City("青岛", "370200", "青岛市市南区香港中路", "266071", "532"),
            new City("厦门", "350200", "厦门市思明区鹭江道", "361001", "592"));

    static final List<Company> CHINESE = List.of(
            new Company("深圳", "深圳华信贸易有限公司", "huaxin-trading", "wholesale"),
            new Company("上海", "上海东方重工设备有限公司", "dongfang-heavy", "machinery"),
            new Company("杭州", "杭州西子液压科技有限公司", "xizi-hydraulics", "machinery"),
            new Company("北京", "北京京城建设工程有限公司", "jingcheng-construction", "construction"),
            new Company("广州", "广州珠江机电有限公司", "zhujiang-electromech", "wholesale"),
            new Company("苏州", "苏州金鸡湖精密制造有限公司", "jinjihu-precision", "manufacturing"),
            new Company("宁波", "宁波港联物流有限公司", "ganglian-logistics", "logistics"),
            new Company("成都", "成都天府水务工程有限公司", "tianfu-water", "utilities"),
            new Company("武汉", "武汉长江船舶配件有限公司", "changjiang-marine", "shipbuilding"),
            new Company("天津", "天津滨海化工设备有限公司", "binhai-chemical", "chemicals"),
            new Company("青岛", "青岛海湾食品机械有限公司", "haiwan-foodmach", "food processing"),
            new Company("厦门", "厦门鹭岛工贸有限公司", "ludao-industry", "wholesale"),
            new Company("深圳", "深圳前海智能装备有限公司", "qianhai-smart", "automation"),
            new Company("上海", "上海浦江阀门有限公司", "pujiang-valves", "wholesale"),
            new Company("杭州", "杭州钱塘新能源有限公司", "qiantang-energy", "energy"),
            new Company("北京", "北京中关村自动化系统有限公司", "zgc-automation", "automation"),
            new Company("广州", "广州白云环保设备有限公司", "baiyun-enviro", "environmental"),
            new Company("苏州", "苏州吴中纺织机械有限公司", "wuzhong-textile", "textiles"),
            new Company("宁波", "宁波甬江模具有限公司", "yongjiang-moulds", "manufacturing"),
            new Company("成都", "成都锦江制药设备有限公司", "jinjiang-pharma", "pharmaceuticals"),
            new Company("武汉", "武汉光谷电气有限公司", "guanggu-electric", "electrical"),
            new Company("天津", "天津港湾工程机械有限公司", "ganwan-engineering", "construction"),
            new Company("青岛", "青岛崂山矿泉设备有限公司", "laoshan-equipment", "food processing"),
            new Company("厦门", "厦门海沧石化配套有限公司", "haicang-petro", "chemicals"),
            new Company("深圳", "深圳南山冷链科技有限公司", "nanshan-coldchain", "logistics"),
            new Company("上海", "上海外高桥船舶服务有限公司", "waigaoqiao-marine", "shipbuilding"));

    static final List<Company> ENGLISH = List.of(
            new Company("HK", "Harbour Bright Trading Limited", "harbourbright", "wholesale"),
            new Company("HK", "Pearl River Components Limited", "pearlriver", "wholesale"),
            new Company("HK", "Kowloon Precision Parts Limited", "kowloonprecision", "manufacturing"),
            new Company("HK", "Victoria Peak Logistics Limited", "victoriapeak", "logistics"),
            new Company("SG", "Lion City Machinery Pte. Ltd.", "lioncity", "machinery"),
            new Company("SG", "Straits Industrial Supplies Pte. Ltd.", "straitsindustrial", "wholesale"),
            new Company("SG", "Marina Bay Engineering Pte. Ltd.", "marinabay", "construction"),
            new Company("GB", "Thames Valley Pumps Ltd", "thamesvalley", "wholesale"),
            new Company("GB", "Pennine Hydraulics Ltd", "pennine", "machinery"),
            new Company("GB", "Clyde Marine Equipment Ltd", "clydemarine", "shipbuilding"));

    static final List<String> CHINESE_CONTACTS = List.of("王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏",
            "黄丽", "周强", "吴婷", "徐刚", "孙悦", "马俊", "朱琳");

    static final List<String> ENGLISH_CONTACTS = List.of("Emma Clarke", "Oliver Wong", "Grace Tan", "James Li",
            "Sophie Hughes", "Daniel Lim", "Hannah Chan", "Thomas Reid");

    static String address(String country) {
        return switch (country) {
            case "HK" -> "Unit 1203, 88 Queen's Road Central, Hong Kong";
            case "SG" -> "10 Anson Road #21-02, Singapore 079903";
            default -> "21 Riverside Way, Reading RG1 8AB, United Kingdom";
        };
    }

    /** What the seller, 上海精工机械有限公司, sells: a product and the range of its unit price in CNY. */
    record Product(String description, int lowestPrice, int highestPrice) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("液压泵 HP-200 / Hydraulic pump HP-200", 2400, 4800),
            new Product("齿轮泵 GP-45 / Gear pump GP-45", 800, 1600),
            new Product("电磁阀 SV-12 / Solenoid valve SV-12", 200, 450),
            new Product("离心泵 CP-80 / Centrifugal pump CP-80", 1500, 3600),
            new Product("密封件套装 / Seal kit", 200, 300),
            new Product("控制阀 CV-25 / Control valve CV-25", 600, 1400));
}
