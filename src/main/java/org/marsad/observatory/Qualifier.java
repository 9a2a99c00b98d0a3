package org.marsad.observatory;

/** How a published figure qualifies its value: "environ", "plus de", "pas moins de", "moins de", "ne dépassant pas". */
public enum Qualifier {
    ABOUT("≈"),
    MORE_THAN(">"),
    AT_LEAST("≥"),
    LESS_THAN("<"),
    AT_MOST("≤");

    private final String sign;

    Qualifier(String sign) {
        this.sign = sign;
    }

    public String sign() {
        return sign;
    }
}
