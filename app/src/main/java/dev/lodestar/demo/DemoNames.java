package dev.lodestar.demo;

import java.util.Locale;

/**
 * Believable names for the seeded history's companies and people, half of them Chinese (in Asia-
 * Pacific), half English, chosen by a number so that the same number always gives the same name
 * and the history's own random sequence is untouched. Each e-mail keeps the number, so two
 * people of the same name stay two people.
 */
final class DemoNames {

	private static final String[] CITIES = { "北京", "上海", "深圳", "杭州", "成都", "苏州", "广州", "南京", "武汉", "西安" };
	private static final String[] CITIES_LATIN = { "beijing", "shanghai", "shenzhen", "hangzhou", "chengdu", "suzhou",
			"guangzhou", "nanjing", "wuhan", "xian" };
	private static final String[] BRANDS = { "恒通", "华信", "锦程", "远航", "瑞丰", "博雅", "嘉禾", "鼎盛", "新元", "天成", "安泰",
			"宏达", "众合", "云帆", "和信" };
	private static final String[] BRANDS_LATIN = { "hengtong", "huaxin", "jincheng", "yuanhang", "ruifeng", "boya",
			"jiahe", "dingsheng", "xinyuan", "tiancheng", "antai", "hongda", "zhonghe", "yunfan", "hexin" };
	private static final String[] TRADES = { "科技", "贸易", "制造", "物流", "餐饮", "医疗器械", "电子", "家居" };
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "林", "罗", "高" };
	private static final String[] SURNAMES_LATIN = { "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
			"zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
			"娟", "涛", "明", "超", "晨", "宇", "欣怡", "子涵", "浩然", "雨桐", "俊杰" };
	private static final String[] GIVEN_LATIN = { "wei", "fang", "na", "xiuying", "min", "jing", "li", "qiang", "lei",
			"jun", "yang", "yong", "yan", "jie", "juan", "tao", "ming", "chao", "chen", "yu", "xinyi", "zihan", "haoran",
			"yutong", "junjie" };

	private static final String[] PLACES = { "Northwind", "Blue Harbor", "Silver Birch", "Redwood", "Lakeside",
			"Summit", "Oakridge", "Brightwater", "Copperfield", "Maple Leaf", "Granite", "Evergreen", "Westbrook",
			"Kingsway", "Harborview" };
	private static final String[] BUSINESSES = { "Traders", "Logistics", "Foods", "Engineering", "Outfitters",
			"Systems", "Instruments", "Furniture", "Analytics", "Health" };
	private static final String[] FORMS = { "Ltd", "Inc.", "GmbH", "LLC" };
	private static final String[] FIRST = { "Emma", "Oliver", "Sophie", "James", "Hannah", "Lucas", "Mia", "Noah",
			"Grace", "Daniel", "Chloe", "Samuel", "Laura", "Thomas", "Anna", "Peter", "Julia", "Mark", "Sarah", "David" };
	private static final String[] LAST = { "Brooks", "Fischer", "Walsh", "Moreau", "Bennett", "Keller", "Hughes",
			"Novak", "Carter", "Larsen", "Murphy", "Schmidt", "Turner", "Rossi", "Evans", "Weber", "Clarke", "Jansen",
			"Foster", "Berg" };

	/** A company with its contact person. */
	record Company(String name, String contact, String email, boolean chinese) {
	}

	/** A private customer. */
	record Person(String name, String email, boolean chinese) {
	}

	private DemoNames() {
	}

	/** The company for number {@code n}: Chinese for even numbers, English for odd ones. */
	static Company company(int n) {
		int k = n / 2;
		if (n % 2 == 0) {
			int city = k % CITIES.length;
			int brand = (k / CITIES.length) % BRANDS.length;
			String trade = TRADES[(k / 7) % TRADES.length];
			var contact = person(k, true);
			return new Company(CITIES[city] + BRANDS[brand] + trade + "有限公司", contact.name(),
					contact.email() + "@" + BRANDS_LATIN[brand] + "-" + CITIES_LATIN[city] + ".example", true);
		}
		String place = PLACES[k % PLACES.length];
		String business = BUSINESSES[(k / PLACES.length) % BUSINESSES.length];
		String form = FORMS[(k / 3) % FORMS.length];
		var contact = person(k, false);
		return new Company(place + " " + business + " " + form, contact.name(),
				contact.email() + "@" + (place + business).toLowerCase(Locale.ROOT).replace(" ", "") + ".example",
				false);
	}

	/** A private customer for number {@code n}: Chinese for even numbers, English for odd ones. */
	static Person customer(int n) {
		var p = person(n / 2, n % 2 == 0);
		return new Person(p.name(), p.email() + "@demo-history.example", p.chinese());
	}

	/** An employee's first and last name, from her user id: Chinese or English, as the id falls. */
	static String[] employee(String userId) {
		int k = Math.floorMod(userId.hashCode(), 1_000_003);
		if (k % 2 == 0) {
			return new String[] { GIVEN[(k / 2 / SURNAMES.length) % GIVEN.length], SURNAMES[(k / 2) % SURNAMES.length] };
		}
		return new String[] { FIRST[(k / 2) % FIRST.length], LAST[(k / 2 / FIRST.length) % LAST.length] };
	}

	/** A name and the local part of an e-mail address that keeps the number. */
	private static Person person(int k, boolean chinese) {
		if (chinese) {
			int s = k % SURNAMES.length;
			int g = (k / SURNAMES.length) % GIVEN.length;
			return new Person(SURNAMES[s] + GIVEN[g], GIVEN_LATIN[g] + "." + SURNAMES_LATIN[s] + "." + k, true);
		}
		int f = k % FIRST.length;
		int l = (k / FIRST.length) % LAST.length;
		return new Person(FIRST[f] + " " + LAST[l],
				(FIRST[f] + "." + LAST[l]).toLowerCase(Locale.ROOT) + "." + k, false);
	}

}
