package io.tradecredit.credit.domain;

/**
 * A score read off straight lines between points (x ascending, as {x, y}), flat before the first
 * and after the last point, rounded to a whole number (half up).
 */
final class PiecewiseLinear {
    private PiecewiseLinear() {
    }

    static int at(double x, double[][] points) {
        double at = Math.min(Math.max(x, points[0][0]), points[points.length - 1][0]);
        int i = 1;
        while (at > points[i][0]) {
            i++;
        }
        double x0 = points[i - 1][0];
        double y0 = points[i - 1][1];
        double share = (at - x0) / (points[i][0] - x0);
        return (int) Math.round(y0 + share * (points[i][1] - y0));
    }
}
