package io.arr502.check;

/** Entry point of check_arr502 (picocli front end over arr502-core). */
public final class CheckArr502 {
    private CheckArr502() {
    }

    public static void main(String[] args) {
        System.out.println("ARR502 UNKNOWN - not implemented yet");
        System.exit(3);
    }
}
